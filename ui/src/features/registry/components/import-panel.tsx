import { IMPORT_MODES } from '@contracts/bulk';
import type { ImportMode, ImportReport, ImportRowError } from '@contracts/bulk';
import { Download, Upload } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TableCell, TableHead } from '@/components/ui/table';
import { FormError } from '@/features/admin/components/form-error';
import { isApiError } from '@/lib/api-client';
import { saveBlob, useImport } from '../api/use-bulk';
import type { BulkEntity } from '../api/use-bulk';
import { BULK_COLUMNS } from './bulk-columns';
import { escapeToCancel } from './escape-to-cancel';

const MODE_LABELS: Record<ImportMode, string> = {
  'all-or-nothing': 'All or nothing: any bad row and nothing is written',
  'valid-rows-only': 'Valid rows only: good rows are written, bad rows reported',
};

/** The per-row problems of a failed import: a report's errors, or the fields of a 422 that carry a line. */
function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!isApiError(error) || !error.fields) return [];
  return error.fields.filter((f) => f.line !== undefined).map((f) => ({ line: f.line ?? 0, field: f.field, message: f.message }));
}

function RowErrors({ errors }: { errors: readonly ImportRowError[] }) {
  return (
    <Table data-testid="import-errors">
      <thead>
        <tr>
          <TableHead className="w-20">Line</TableHead>
          <TableHead className="w-44">Column</TableHead>
          <TableHead>Problem</TableHead>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={`${e.line}:${e.field}:${i}`} data-testid="import-error" data-line={e.line} data-field={e.field}>
            <TableCell className="font-mono text-xs">{e.line}</TableCell>
            <TableCell className="font-mono text-xs">{e.field}</TableCell>
            <TableCell className="text-sm">{e.message}</TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Outcome({ report }: { report: ImportReport }) {
  return (
    <div className="space-y-3" data-testid="import-result" data-created={report.created} data-rejected={report.rejected}>
      <Alert variant={report.rejected > 0 ? 'warning' : 'success'}>
        {report.created} of {report.total} rows written{report.rejected > 0 && `; ${report.rejected} rejected (see below)`}.
      </Alert>
      {report.errors.length > 0 && <RowErrors errors={report.errors} />}
    </div>
  );
}

function Failure({ error }: { error: unknown }) {
  const rows = rowErrorsOf(error);
  if (isApiError(error) && error.status === 413) {
    return (
      <Alert variant="danger" data-testid="import-too-large">
        The file is too large: {error.message}. Split it into smaller files.
      </Alert>
    );
  }
  if (isApiError(error) && error.status === 422 && rows.length > 0) {
    return (
      <div className="space-y-3" data-testid="import-refused">
        <Alert variant="danger">Nothing was written: {rows.length === 1 ? 'one problem' : `${rows.length} problems`} in the file. Fix them, or import the valid rows only.</Alert>
        <RowErrors errors={rows} />
      </div>
    );
  }
  if (rows.length > 0) {
    return (
      <div className="space-y-3" data-testid="import-refused">
        <Alert variant="danger">{error instanceof Error ? error.message : String(error)}</Alert>
        <RowErrors errors={rows} />
      </div>
    );
  }
  return <FormError error={error} />;
}

/** "Import": a CSV or XLSX file, the mode, the upload, then what was written and every rejected row by line and column. */
export function ImportPanel({ entity, onClose }: { entity: BulkEntity; onClose: () => void }) {
  const spec = BULK_COLUMNS[entity];
  const upload = useImport(entity);
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const id = `import-${entity}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate({ file, mode });
  }

  function template() {
    saveBlob(new Blob([`${spec.columns.join(',')}\r\n`], { type: 'text/csv' }), `${entity}-template.csv`);
  }

  return (
    <Card data-testid="import-panel" data-entity={entity}>
      <CardHeader>
        <CardTitle>Import {spec.noun}</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} onKeyDown={escapeToCancel(onClose)} noValidate>
          <div className="grid gap-4 lg:grid-cols-2">
            <FormField id={`${id}-file`} label="File" hint="CSV (UTF-8, header row) or XLSX (first sheet, header row)">
              <Input
                id={`${id}-file`}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.target.files?.[0]);
                  upload.reset();
                }}
                data-testid="import-file"
              />
            </FormField>
            <FormField id={`${id}-mode`} label="Mode">
              <Select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="import-mode">
                {IMPORT_MODES.map((m) => (
                  <option key={m} value={m}>
                    {MODE_LABELS[m]}
                  </option>
                ))}
              </Select>
            </FormField>
          </div>
          <div className="rounded-md border border-border bg-muted/30 px-3 py-2 text-xs" data-testid="import-columns">
            <p className="mb-1 flex flex-wrap items-center justify-between gap-2 font-medium">
              Columns (header row, any order; required in bold)
              <Button variant="ghost" size="sm" onClick={template} data-testid="import-template">
                <Download aria-hidden /> Download template
              </Button>
            </p>
            <p className="font-mono break-words">
              {spec.columns.map((c, i) => (
                <span key={c}>
                  {i > 0 && ', '}
                  {spec.required.includes(c) ? <strong>{c}</strong> : c}
                </span>
              ))}
            </p>
            <p className="mt-1 text-muted-foreground">{spec.notes} Errors name the line as a spreadsheet shows it (header = 1).</p>
          </div>
          {upload.isError && <Failure error={upload.error} />}
          {upload.isSuccess && <Outcome report={upload.data} />}
          <div className="flex gap-2">
            <Button type="submit" disabled={!file || upload.isPending} data-testid="import-submit">
              <Upload aria-hidden /> {upload.isPending ? 'Uploading…' : 'Upload'}
            </Button>
            <Button variant="ghost" onClick={onClose} data-testid="import-close">
              {upload.isSuccess ? 'Close' : 'Cancel'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
