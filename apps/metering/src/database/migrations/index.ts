import { CreateMeteringSchema1764000000000 } from './1764000000000-CreateMeteringSchema';
import { CreateCommands1764100000000 } from './1764100000000-CreateCommands';

/** Every migration of the metering schema, in order. New migrations are appended here. */
export const METERING_MIGRATIONS = [CreateMeteringSchema1764000000000, CreateCommands1764100000000];
