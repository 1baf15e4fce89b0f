import type { Permission } from '@contracts/access';
import { useSyncExternalStore } from 'react';
import { sessionState, subscribeSession } from './session';
import type { SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, sessionState, sessionState);
}

/** True when the signed-in actor holds every permission. */
export function useCan(...required: Permission[]): boolean {
  const session = useSession();
  return session.status === 'signed-in' && required.every((permission) => session.me.permissions.includes(permission));
}
