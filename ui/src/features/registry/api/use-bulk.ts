import type { ExportFormat, ImportMode, ImportReport } from '@contracts/bulk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refreshSession, sessionState } from '@/features/auth/session';
import { ApiError, apiFetch } from '@/lib/api-client';
import { registryKeys } from './keys';
import { queryString } from './query-string';

/** The registry lists with a bulk import and export (`/api/v1/<entity>/import`, `/export`). */
export type BulkEntity = 'meters' | 'gateways' | 'consumers' | 'service-points';

const tokenNow = () => {
  const state = sessionState();
  return state.status === 'signed-in' ? state.accessToken : undefined;
};

/** A raw request with the access token; on 401 it refreshes the session once and retries (like `authedRequest`). */
async function authedFetch(method: string, path: string, options: { body?: BodyInit; accept?: string } = {}): Promise<Response> {
  try {
    return await apiFetch(method, path, { ...options, accessToken: tokenNow() });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    if (!(await refreshSession())) throw error;
    return apiFetch(method, path, { ...options, accessToken: tokenNow() });
  }
}

/** Uploads a CSV or XLSX file as multipart `file`; a bad row in all-or-nothing mode is a 422 ApiError whose fields carry the lines. */
export function useImport(entity: BulkEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, mode }: { file: File; mode: ImportMode }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await authedFetch('POST', `/api/v1/${entity}/import${queryString({ mode })}`, { body: form });
      return (await response.json()) as ImportReport;
    },
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

/** The file name the gateway proposes (Content-Disposition), else `<entity>.<format>`. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return match?.[1] ?? fallback;
}

/** Downloads an export with the access token (fetch + Blob: a bare link would carry no token) and saves it. */
export async function downloadExport(entity: BulkEntity, format: ExportFormat, filters: Record<string, string | number | undefined | null>): Promise<void> {
  const response = await authedFetch('GET', `/api/v1/${entity}/export${queryString({ ...filters, format })}`, { accept: '*/*' });
  saveBlob(await response.blob(), fileNameOf(response, `${entity}.${format}`));
}

/** Saves a Blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
