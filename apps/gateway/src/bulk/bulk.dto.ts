import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import type { ApiBodyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, IMPORT_MODES } from '@app/contracts';
import type { ExportFormat, ImportMode, ImportReport, ImportRowError } from '@app/contracts';
import { ListConsumersQuery } from '../consumers/consumers.dto';
import { ListMetersQuery } from '../meters/meters.dto';
import { ListServicePointsQuery } from '../service-points/service-points.dto';

export class ImportQuery {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all-or-nothing', description: 'all-or-nothing: any bad row and nothing is written (422); valid-rows-only: good rows are written, the rest reported' })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
}

/** The listing's filters (not its paging) and the file format. */
export class ExportMetersQuery extends PickType(ListMetersQuery, ['search', 'utility', 'status', 'vendor', 'nodeId'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
}

class ImportRowErrorDoc implements ImportRowError {
  @ApiProperty({ description: 'Row number as a spreadsheet shows it (header = 1)' }) line!: number;
  @ApiProperty({ example: 'serial', description: 'Column' }) field!: string;
  @ApiProperty() message!: string;
}

export class ImportReportDoc implements ImportReport {
  @ApiProperty({ enum: IMPORT_MODES }) mode!: ImportMode;
  @ApiProperty({ description: 'Data rows in the file' }) total!: number;
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'Rows not written because of an error' }) rejected!: number;
  @ApiProperty({ type: [ImportRowErrorDoc] }) errors!: ImportRowError[];
}

/** OpenAPI body of an import: a multipart `file` (CSV or XLSX) or the CSV itself. */
export const IMPORT_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'CSV (UTF-8, RFC 4180, header row) or XLSX (first sheet, header row)' } },
  },
};

/** The consumer listing's filters (not its paging) and the file format. */
export class ExportConsumersQuery extends PickType(ListConsumersQuery, ['search', 'kind', 'status'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
}

/** The service point listing's filters (not its paging) and the file format. */
export class ExportServicePointsQuery extends PickType(ListServicePointsQuery, ['search', 'consumerId', 'nodeId', 'utility', 'status'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
}
