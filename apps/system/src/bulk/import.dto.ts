import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { IMPORT_MAX_ROWS, IMPORT_MODES } from '@app/contracts';
import type { ImportMode, ImportRequest, ImportRow } from '@app/contracts';

/**
 * `{mode, columns, rows}` of an import. The rows are not validated one by one here (100,000 nested
 * instances would double the work): `checkedRows` checks their shape, the importer their values.
 */
export class ImportDto implements ImportRequest {
  @IsIn(IMPORT_MODES) mode!: ImportMode;
  @IsArray() @ArrayMaxSize(64) @IsString({ each: true }) @MaxLength(100, { each: true }) columns!: string[];
  @IsArray() @ArrayMaxSize(IMPORT_MAX_ROWS) rows!: ImportRow[];
}
