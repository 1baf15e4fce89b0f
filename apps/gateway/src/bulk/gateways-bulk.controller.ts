import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, rpcClientToken } from '@app/common';
import { GATEWAY_EXPORT_COLUMNS, SystemPatterns } from '@app/contracts';
import type { GatewayView, ImportReport, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import type { GatewayConfig } from '../config';
import { ExportQuery, IMPORT_BODY, ImportQuery, ImportReportDoc } from './bulk.dto';
import { ExportWriter } from './export-writer';
import { importFile } from './import-call';
import type { UploadedFileLike } from './import-file';

const gatewayRow = (g: GatewayView): (string | number | null)[] => [g.eui, g.name, g.model, g.latitude, g.longitude, g.nodeId, g.status, JSON.stringify(g.configuration)];

/** Gateways in bulk: import from CSV or XLSX, export to either. Registered before GatewaysController (`export` is not an id). */
@ApiTags('gateways')
@Controller('gateways')
export class GatewaysBulkController {
  private readonly maxBytes: number;

  constructor(
    @Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>,
    @Inject(APP_CONFIG) config: Pick<GatewayConfig, 'IMPORT_MAX_BYTES'>,
  ) {
    this.maxBytes = config.IMPORT_MAX_BYTES;
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermissions('devices:write')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody(IMPORT_BODY)
  @ApiOperation({
    summary: 'Import gateways from CSV or XLSX',
    description: `Columns (header row): ${GATEWAY_EXPORT_COLUMNS.join(', ')} (configuration is a JSON object). Errors name the line (header = 1) and column.`,
  })
  @ApiOkResponse({ type: ImportReportDoc })
  import(@Req() request: Request, @UploadedFile() file: UploadedFileLike | undefined, @Query() query: ImportQuery): Promise<ImportReport> {
    return importFile(this.system, SystemPatterns.gatewayImport, request, file, query.mode, this.maxBytes);
  }

  @Get('export')
  @RequirePermissions('devices:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Export gateways as CSV or XLSX', description: 'The import columns.' })
  @ApiOkResponse({ description: 'The file' })
  async export(@Query() query: ExportQuery, @Res() response: Response): Promise<void> {
    // A tenant has hundreds of gateways, not millions: the listing is one answer.
    const gateways = await this.system.send(SystemPatterns.gatewayList, {});
    const writer = new ExportWriter(response, query.format ?? 'csv', 'gateways', GATEWAY_EXPORT_COLUMNS);
    await writer.rows(gateways.map(gatewayRow));
    await writer.end();
  }
}
