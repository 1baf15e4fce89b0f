import type { ListLoginEventsRequest, ListUsersRequest } from '@contracts/identity';

/** The one query-key factory of the administration feature. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (query: ListUsersRequest) => [...adminKeys.users(), query] as const,
  roles: () => [...adminKeys.all, 'roles'] as const,
  apiKeys: () => [...adminKeys.all, 'api-keys'] as const,
  tenants: () => [...adminKeys.all, 'tenants'] as const,
  loginEvents: (query: ListLoginEventsRequest) => [...adminKeys.all, 'login-events', query] as const,
};
