import type { CreateTenantRequest, TenantView, UpdateTenantRequest } from '@contracts/identity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { adminKeys } from './keys';

const TENANTS = '/api/v1/tenants';

export function useTenants() {
  return useQuery({
    queryKey: adminKeys.tenants(),
    queryFn: ({ signal }) => authedRequest<TenantView[]>('GET', TENANTS, { signal }),
  });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTenantRequest) => authedRequest<TenantView>('POST', TENANTS, { body }),
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.tenants() }),
  });
}

export function useUpdateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTenantRequest) => authedRequest<TenantView>('PATCH', `${TENANTS}/${id}`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.tenants() }),
  });
}
