import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-client';

/** The error of a failed mutation, with one line per invalid field when the gateway names them. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = isApiError(error) ? (error.fields ?? []) : [];
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert variant="danger" data-testid="form-error">
      {fields.length > 0 ? (
        <ul className="list-inside list-disc">
          {fields.map((field) => (
            <li key={`${field.field}:${field.message}`}>{field.message}</li>
          ))}
        </ul>
      ) : (
        message
      )}
    </Alert>
  );
}
