/**
 * Request and response shapes of the system service's identity patterns (tenants, users, sessions,
 * API keys, login events). Wire format: add fields, never rename. Timestamps are ISO-8601 UTC strings.
 */
import type { ActorKind, Permission, Role } from './access';

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  createdAt: string;
}

export interface NewUserFields {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  /** Links a consumer user to its consumer (personal cabinet). */
  consumerId?: string;
}

export interface CreateTenantRequest {
  slug: string;
  name: string;
  /** The tenant's first administrator (role tenant_admin), created with it. */
  admin?: Omit<NewUserFields, 'roles' | 'consumerId'>;
}
export interface UpdateTenantRequest {
  id: string;
  name?: string;
  status?: TenantStatus;
}

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserView {
  id: string;
  tenantId: string;
  email: string;
  displayName: string;
  roles: Role[];
  status: UserStatus;
  consumerId: string | null;
  failedLoginCount: number;
  /** Set while the account is locked after repeated failed logins. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ListUsersRequest {
  /** Case-insensitive match on email or display name. */
  search?: string;
  limit?: number;
  offset?: number;
}
export interface UserPage {
  items: UserView[];
  total: number;
}
export type CreateUserRequest = NewUserFields;
export interface UpdateUserRequest {
  id: string;
  displayName?: string;
  roles?: Role[];
  status?: UserStatus;
  consumerId?: string | null;
}
export interface IdRequest {
  id: string;
}
export interface SetPasswordRequest {
  id: string;
  /** Required when users change their own password. */
  currentPassword?: string;
  newPassword: string;
}
export interface SessionsRevoked {
  /** Sessions (refresh token families) that were still open. */
  revoked: number;
}

export interface LoginRequest {
  /** Tenant slug, e.g. `demo`. */
  tenant: string;
  email: string;
  password: string;
  ip?: string;
  userAgent?: string;
}
export interface RefreshRequest {
  refreshToken: string;
  ip?: string;
  userAgent?: string;
}

/** What login and refresh return: a short-lived access token and a rotating refresh token. */
export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token is valid. */
  expiresIn: number;
  /** Opaque, single use: refreshing spends it and returns a new one. */
  refreshToken: string;
  refreshExpiresIn: number;
  sessionId: string;
}

export interface MeTenant {
  id: string;
  slug: string;
  name: string;
}

/** The authenticated actor as the console shows it (`GET /auth/me`). */
export interface MeView {
  kind: ActorKind;
  id: string;
  displayName: string;
  email?: string;
  roles: Role[];
  permissions: Permission[];
  consumerId?: string;
  sessionId?: string;
  tenant: MeTenant;
}

export interface LoginResult extends TokenPair {
  me: MeView;
}

export interface LogoutResult {
  /** Whether an open session was revoked. */
  revoked: boolean;
}

export interface ApiKeyView {
  id: string;
  name: string;
  /** The public part of the key (`ohk_<id>_...`), to recognise it. */
  prefix: string;
  permissions: Permission[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface CreateApiKeyRequest {
  name: string;
  permissions: Permission[];
  expiresAt?: string;
}
/** Returned once, at creation: the only time the secret is shown. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}
export interface VerifyApiKeyRequest {
  key: string;
}
/** What the gateway needs to build an API-key actor. */
export interface ApiKeyPrincipal {
  id: string;
  tenantId: string;
  name: string;
  permissions: Permission[];
  /** Until when the gateway may cache this answer (never past the key's expiry). */
  cacheUntil: string;
}

export const LOGIN_OUTCOMES = ['success', 'failure', 'locked', 'rate_limited'] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

export interface LoginEventView {
  id: string;
  tenantId: string | null;
  userId: string | null;
  email: string;
  ip: string | null;
  userAgent: string | null;
  outcome: LoginOutcome;
  reason: string | null;
  at: string;
}
export interface ListLoginEventsRequest {
  userId?: string;
  outcome?: LoginOutcome;
  limit?: number;
  /** Only events before this instant (paging backwards). */
  before?: string;
}

/** Where the HTTP login puts the refresh token: the body (API clients) or an httpOnly cookie (the console). */
export const SESSION_TRANSPORTS = ['token', 'cookie'] as const;
export type SessionTransport = (typeof SESSION_TRANSPORTS)[number];

/**
 * What `POST /auth/login` and `POST /auth/refresh` answer over HTTP: the token pair and the actor; the
 * refresh token is in the body unless it travels in the httpOnly cookie.
 */
export type SessionResponse = Omit<LoginResult, 'refreshToken'> & { refreshToken?: string };

/** One role and its permissions (`GET /roles`). */
export interface RoleView {
  role: Role;
  description: string;
  permissions: Permission[];
}
