import { CreateSystemSchema1764000000000 } from './1764000000000-CreateSystemSchema';
import { CreateIdentity1764100000000 } from './1764100000000-CreateIdentity';

/** Every migration of the system schema, in order. New migrations are appended here. */
export const SYSTEM_MIGRATIONS = [CreateSystemSchema1764000000000, CreateIdentity1764100000000];
