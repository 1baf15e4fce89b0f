import type { ApiKeyView, UserPage } from '@contracts/identity';
import { useQuery } from '@tanstack/react-query';
import { authedRequest, useCan } from '@/features/auth';
import { registryKeys } from './keys';

/**
 * Names for the "who" of history entries: users' emails and API keys' names, when the signed-in role may
 * read them (users:read, apikeys:manage). Without them the history shows the actor's kind and id.
 */
export function useActorNames(): Map<string, string> {
  const canUsers = useCan('users:read');
  const canKeys = useCan('apikeys:manage');
  const query = useQuery({
    queryKey: [...registryKeys.actors(), canUsers, canKeys],
    queryFn: async ({ signal }) => {
      const names = new Map<string, string>();
      if (canUsers) {
        const users = await authedRequest<UserPage>('GET', '/api/v1/users?limit=200', { signal });
        for (const user of users.items) names.set(user.id, user.email);
      }
      if (canKeys) {
        const keys = await authedRequest<ApiKeyView[]>('GET', '/api/v1/api-keys', { signal });
        for (const key of keys) names.set(key.id, `API key “${key.name}”`);
      }
      return names;
    },
    enabled: canUsers || canKeys,
    staleTime: 5 * 60_000,
    meta: { errorToast: false },
  });
  return query.data ?? EMPTY;
}

const EMPTY = new Map<string, string>();
