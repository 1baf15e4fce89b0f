export { RequireAuth } from './components/require-auth';
export { UserMenu } from './components/user-menu';
export { LoginPage } from './login-page';
export { authedRequest, ensureSession, signOut } from './session';
export { useCan, useSession } from './use-session';
