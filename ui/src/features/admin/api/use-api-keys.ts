import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '@contracts/identity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { adminKeys } from './keys';

const API_KEYS = '/api/v1/api-keys';

export function useApiKeys() {
  return useQuery({
    queryKey: adminKeys.apiKeys(),
    queryFn: ({ signal }) => authedRequest<ApiKeyView[]>('GET', API_KEYS, { signal }),
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => authedRequest<CreatedApiKey>('POST', API_KEYS, { body }),
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys() }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => authedRequest<ApiKeyView>('DELETE', `${API_KEYS}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys() }),
  });
}
