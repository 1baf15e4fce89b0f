import type { ExportFormat } from '@contracts/bulk';
import { FileDown } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { showToast } from '@/components/ui/toaster';
import { downloadExport } from '../api/use-bulk';
import type { BulkEntity } from '../api/use-bulk';

/** "CSV" / "XLSX": downloads what the list's current filters show (fetched with the access token, saved as a file). */
export function ExportButtons({ entity, filters }: { entity: BulkEntity; filters: Record<string, string | number | undefined | null> }) {
  const [busy, setBusy] = useState<ExportFormat>();
  async function run(format: ExportFormat) {
    setBusy(format);
    try {
      await downloadExport(entity, format, filters);
    } catch (error) {
      showToast({ id: `export-${entity}`, title: 'Export failed', description: error instanceof Error ? error.message : String(error), variant: 'error' });
    } finally {
      setBusy(undefined);
    }
  }
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Export what the list shows">
      <span className="mr-1 text-xs text-muted-foreground">Export</span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} variant="outline" size="sm" disabled={busy !== undefined} onClick={() => void run(format)} data-testid={`export-${format}`}>
          <FileDown aria-hidden /> {busy === format ? 'Exporting…' : format.toUpperCase()}
        </Button>
      ))}
    </div>
  );
}
