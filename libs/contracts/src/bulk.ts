/**
 * Bulk import and export of the registry (CSV and XLSX). The gateway parses a file into a header and
 * rows of text cells, each with the line a spreadsheet shows (header = 1); the system service checks
 * every row with the rules of a single creation and writes them in one transaction.
 * Column names and modes are public wire API (files): add, never rename.
 */

/** `all-or-nothing`: any bad row and nothing is written (422). `valid-rows-only`: good rows are written, the rest reported. */
export const IMPORT_MODES = ['all-or-nothing', 'valid-rows-only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Columns of a meter file. Keys are accepted on import and never exported. */
export const METER_IMPORT_COLUMNS = [
  'serial',
  'vendor',
  'model',
  'utility',
  'codecId',
  'nodeId',
  'devEui',
  'joinEui',
  'appKey',
  'wmbusManufacturer',
  'wmbusId',
  'aesKey',
  'multiplier',
  'registerUnit',
] as const;
export const METER_SECRET_COLUMNS = ['appKey', 'aesKey'] as const;
export const METER_EXPORT_COLUMNS = METER_IMPORT_COLUMNS.filter((c) => !(METER_SECRET_COLUMNS as readonly string[]).includes(c));

/** Columns of a gateway file; `configuration` is a JSON object. */
export const GATEWAY_IMPORT_COLUMNS = ['eui', 'name', 'model', 'latitude', 'longitude', 'nodeId', 'status', 'configuration'] as const;
export const GATEWAY_EXPORT_COLUMNS = GATEWAY_IMPORT_COLUMNS;

/** Columns of a consumer file (the fields of a single creation). */
export const CONSUMER_IMPORT_COLUMNS = ['kind', 'accountNumber', 'name', 'taxId', 'registrationNumber', 'contactPerson', 'email', 'phone', 'postalAddress'] as const;
export const CONSUMER_EXPORT_COLUMNS = CONSUMER_IMPORT_COLUMNS;

/** Columns of a service point file; `consumerId` and `nodeId` are ids of the tenant's consumer and node. */
export const SERVICE_POINT_IMPORT_COLUMNS = ['code', 'utility', 'consumerId', 'nodeId', 'address', 'description'] as const;
export const SERVICE_POINT_EXPORT_COLUMNS = SERVICE_POINT_IMPORT_COLUMNS;

/** The largest number of data rows one import takes. */
export const IMPORT_MAX_ROWS = 200_000;

export interface ImportRow {
  /** The row's number as a spreadsheet shows it (the header is 1). */
  line: number;
  /** Text cells in the order of `columns`; an empty cell is "". */
  cells: string[];
}

export interface ImportRequest {
  mode: ImportMode;
  columns: string[];
  rows: ImportRow[];
}

/** One problem of one row: its line, the column, what is wrong. */
export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  mode: ImportMode;
  /** Data rows in the file. */
  total: number;
  created: number;
  /** Rows not written because of an error (0 in all-or-nothing mode when it succeeds). */
  rejected: number;
  errors: ImportRowError[];
}
