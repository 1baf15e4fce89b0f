import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, rpcClientToken } from '@app/common';
import { SERVICE_POINT_EXPORT_COLUMNS, SystemPatterns } from '@app/contracts';
import type { ServicePointView, ImportReport, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import type { GatewayConfig } from '../config';
import { ExportServicePointsQuery, IMPORT_BODY, ImportQuery, ImportReportDoc } from './bulk.dto';
import { EXPORT_PAGE, exportPages } from './export-pages';
import { importFile } from './import-call';
import type { UploadedFileLike } from './import-file';

const servicePointRow = (p: ServicePointView): (string | null)[] => [p.code, p.utility, p.consumerId, p.nodeId, p.address, p.description];

/** Service points in bulk: import from CSV or XLSX, export to either. Registered before ServicePointsController (`export` is not an id). */
@ApiTags('service-points')
@Controller('service-points')
export class ServicePointsBulkController {
  private readonly maxBytes: number;

  constructor(
    @Inject(rpcClientToken('system')) private readonly system: RpcClient<SystemContract>,
    @Inject(APP_CONFIG) config: Pick<GatewayConfig, 'IMPORT_MAX_BYTES'>,
  ) {
    this.maxBytes = config.IMPORT_MAX_BYTES;
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermissions('consumers:write')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody(IMPORT_BODY)
  @ApiOperation({ summary: 'Import service points from CSV or XLSX', description: `Columns (header row): ${SERVICE_POINT_EXPORT_COLUMNS.join(', ')} (consumerId, nodeId: ids of your consumer and node). Every row is checked as a single creation; errors name the line (header = 1) and column.` })
  @ApiOkResponse({ type: ImportReportDoc })
  import(@Req() request: Request, @UploadedFile() file: UploadedFileLike | undefined, @Query() query: ImportQuery): Promise<ImportReport> {
    return importFile(this.system, SystemPatterns.servicePointImport, request, file, query.mode, this.maxBytes);
  }

  @Get('export')
  @RequirePermissions('consumers:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Export service points (the listing\'s filters) as CSV or XLSX', description: 'The import columns; streamed a page at a time.' })
  @ApiOkResponse({ description: 'The file' })
  export(@Query() query: ExportServicePointsQuery, @Res() response: Response): Promise<void> {
    const { format, ...filters } = query;
    return exportPages(
      response,
      { format: format ?? 'csv', name: 'service-points', columns: SERVICE_POINT_EXPORT_COLUMNS },
      (cursor) => this.system.send(SystemPatterns.servicePointList, { ...filters, limit: EXPORT_PAGE, cursor }),
      servicePointRow,
    );
  }
}
