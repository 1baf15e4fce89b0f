import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, rpcClientToken } from '@app/common';
import { METER_EXPORT_COLUMNS, SystemPatterns } from '@app/contracts';
import type { ImportReport, MeterView, RpcClient, SystemContract } from '@app/contracts';
import { RequirePermissions } from '../auth/access.decorators';
import type { GatewayConfig } from '../config';
import { ExportMetersQuery, IMPORT_BODY, ImportQuery, ImportReportDoc } from './bulk.dto';
import { EXPORT_PAGE, exportPages } from './export-pages';
import { importFile } from './import-call';
import type { UploadedFileLike } from './import-file';

/** One exported row: the import columns without the keys (never exported). */
const meterRow = (m: MeterView): (string | null)[] => [
  m.serial,
  m.vendor,
  m.model,
  m.utility,
  m.codecId,
  m.nodeId,
  m.lorawan?.devEui ?? null,
  m.lorawan?.joinEui ?? null,
  m.wmbus?.manufacturer ?? null,
  m.wmbus?.id ?? null,
  m.multiplier,
  m.registerUnit,
];

/** Meters in bulk: import from CSV or XLSX, export to either. Registered before MetersController (`export` is not an id). */
@ApiTags('meters')
@Controller('meters')
export class MetersBulkController {
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
    summary: 'Import meters from CSV or XLSX',
    description: `Columns (header row): ${METER_EXPORT_COLUMNS.join(', ')}, appKey, aesKey. Every row is checked as a single creation; errors name the line (header = 1) and column. 413 over IMPORT_MAX_BYTES; 422 in all-or-nothing mode when any row is bad.`,
  })
  @ApiOkResponse({ type: ImportReportDoc })
  import(@Req() request: Request, @UploadedFile() file: UploadedFileLike | undefined, @Query() query: ImportQuery): Promise<ImportReport> {
    return importFile(this.system, SystemPatterns.meterImport, request, file, query.mode, this.maxBytes);
  }

  @Get('export')
  @RequirePermissions('devices:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Export meters (the listing\'s filters) as CSV or XLSX', description: 'The import columns without keys; streamed a page at a time.' })
  @ApiOkResponse({ description: 'The file' })
  export(@Query() query: ExportMetersQuery, @Res() response: Response): Promise<void> {
    const { format, ...filters } = query;
    return exportPages(
      response,
      { format: format ?? 'csv', name: 'meters', columns: METER_EXPORT_COLUMNS },
      (cursor) => this.system.send(SystemPatterns.meterList, { ...filters, limit: EXPORT_PAGE, cursor }),
      meterRow,
    );
  }
}
