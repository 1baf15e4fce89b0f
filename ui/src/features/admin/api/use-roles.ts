import type { RoleView } from '@contracts/identity';
import { useQuery } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { adminKeys } from './keys';

export function useRoles() {
  return useQuery({
    queryKey: adminKeys.roles(),
    queryFn: ({ signal }) => authedRequest<RoleView[]>('GET', '/api/v1/roles', { signal }),
    staleTime: 60 * 60_000,
  });
}
