import type { CreateUserRequest, ListUsersRequest, SessionsRevoked, UpdateUserRequest, UserPage, UserView } from '@contracts/identity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { adminKeys } from './keys';

const USERS = '/api/v1/users';

function queryString(query: ListUsersRequest): string {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  if (query.limit) params.set('limit', String(query.limit));
  if (query.offset) params.set('offset', String(query.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useUsers(query: ListUsersRequest) {
  return useQuery({
    queryKey: adminKeys.userList(query),
    queryFn: ({ signal }) => authedRequest<UserPage>('GET', `${USERS}${queryString(query)}`, { signal }),
  });
}

/** Every user mutation refreshes the user list afterwards. */
function useUserMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>, showsOwnError = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: { errorToast: !showsOwnError },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserRequest) => authedRequest<UserView>('POST', USERS, { body }), true);
}

export function useUpdateUser() {
  return useUserMutation(({ id, ...body }: UpdateUserRequest) => authedRequest<UserView>('PATCH', `${USERS}/${id}`, { body }));
}

export function useUnlockUser() {
  return useUserMutation((id: string) => authedRequest<UserView>('POST', `${USERS}/${id}/unlock`, { body: {} }));
}

export function useRevokeSessions() {
  return useUserMutation((id: string) => authedRequest<SessionsRevoked>('POST', `${USERS}/${id}/revoke-sessions`, { body: {} }));
}
