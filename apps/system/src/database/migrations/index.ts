import { CreateSystemSchema1764000000000 } from './1764000000000-CreateSystemSchema';

/** Every migration of the system schema, in order. New migrations are appended here. */
export const SYSTEM_MIGRATIONS = [CreateSystemSchema1764000000000];
