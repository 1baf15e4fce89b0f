import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { router } from '@/app/router';
import { showToast, Toaster } from '@/components/ui/toaster';
import { isApiError } from '@/lib/api-client';
import '@/lib/query-meta';
import './index.css';

const MAX_RETRIES = 2;

/** Auth failures are answers, not glitches: retrying them only delays the login prompt. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && (error.status === 401 || error.status === 403)) return false;
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

function describeError(error: unknown): { title: string; description?: string } {
  if (isApiError(error)) {
    if (error.status === 401) return { title: 'Session expired', description: 'Sign in again to continue.' };
    if (error.status === 403) return { title: 'Not allowed', description: 'Your role does not permit this action.' };
    if (error.status === 0) return { title: 'Gateway unreachable', description: error.message };
    return { title: `Request failed (${error.status})`, description: error.message };
  }
  return { title: 'Something went wrong', description: error instanceof Error ? error.message : String(error) };
}

/** QueryClient defaults live here and nowhere else; every failed query or mutation reaches the one toaster. */
const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.meta?.errorToast === false) return;
      // Keyed by query: a query that keeps failing while polling shows one toast, not a stack of them.
      showToast({ id: query.queryHash, variant: 'error', ...describeError(error) });
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      // Forms show their own errors next to the fields (meta.errorToast === false).
      if (mutation.meta?.errorToast === false) return;
      showToast({ variant: 'error', ...describeError(error) });
    },
  }),
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      staleTime: 10_000,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
);
