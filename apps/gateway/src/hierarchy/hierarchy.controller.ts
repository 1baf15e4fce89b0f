import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rpcClientToken } from '@app/common';
import { SystemPatterns } from '@app/contracts';
import type { HierarchyNodeView, HistoryPage, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import { HistoryPageDoc, HistoryPageQuery } from '../history/history.dto';
import { IdParams } from '../http/id.params';
import { CreateHierarchyNodeBody, HierarchyNodeDoc, ListHierarchyQuery, UpdateHierarchyNodeBody } from './hierarchy.dto';

/** The tenant's hierarchy: territory (region > district > locality > building) and network (substation > feeder > transformer). */
@ApiTags('hierarchy')
@Controller('hierarchy')
export class HierarchyController {
  constructor(@Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>) {}

  @Get()
  @RequirePermissions('hierarchy:read')
  @ApiOperation({ summary: 'The whole tree (parents before children), or the children of one node' })
  @ApiOkResponse({ type: [HierarchyNodeDoc] })
  list(@Query() query: ListHierarchyQuery): Promise<HierarchyNodeView[]> {
    return this.system.send(SystemPatterns.hierarchyList, query);
  }

  @Post()
  @RequirePermissions('hierarchy:write')
  @ApiOperation({ summary: 'Create a node under an allowed parent kind' })
  @ApiCreatedResponse({ type: HierarchyNodeDoc })
  create(@Body() body: CreateHierarchyNodeBody): Promise<HierarchyNodeView> {
    return this.system.send(SystemPatterns.hierarchyCreate, body);
  }

  @Patch(':id')
  @RequirePermissions('hierarchy:write')
  @ApiOperation({ summary: 'Rename a node, or move it with its subtree (never under itself)' })
  @ApiOkResponse({ type: HierarchyNodeDoc })
  update(@Param() params: IdParams, @Body() body: UpdateHierarchyNodeBody): Promise<HierarchyNodeView> {
    return this.system.send(SystemPatterns.hierarchyUpdate, { ...body, id: params.id });
  }

  @Delete(':id')
  @RequirePermissions('hierarchy:write')
  @ApiOperation({ summary: 'Delete an empty node (no children, no devices)' })
  @ApiOkResponse({ type: HierarchyNodeDoc })
  delete(@Param() params: IdParams): Promise<HierarchyNodeView> {
    return this.system.send(SystemPatterns.hierarchyDelete, { id: params.id });
  }

  @Get(':id/history')
  @RequirePermissions('history:read')
  @ApiOperation({ summary: 'Change history of one node, newest first' })
  @ApiOkResponse({ type: HistoryPageDoc })
  history(@Param() params: IdParams, @Query() query: HistoryPageQuery): Promise<HistoryPage> {
    return this.system.send(SystemPatterns.historyList, { ...query, entityType: 'hierarchy_node', entityId: params.id });
  }
}
