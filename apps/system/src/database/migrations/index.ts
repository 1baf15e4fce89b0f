import { CreateSystemSchema1764000000000 } from './1764000000000-CreateSystemSchema';
import { CreateIdentity1764100000000 } from './1764100000000-CreateIdentity';
import { CreateChangeHistory1764200000000 } from './1764200000000-CreateChangeHistory';
import { CreateHierarchy1764300000000 } from './1764300000000-CreateHierarchy';
import { CreateDevices1764400000000 } from './1764400000000-CreateDevices';
import { MeterSerialCollation1764500000000 } from './1764500000000-MeterSerialCollation';
import { CreateConsumers1764600000000 } from './1764600000000-CreateConsumers';
import { MeterProvisioning1764700000000 } from './1764700000000-MeterProvisioning';
import { MeterReferenceIndexes1764900000000 } from './1764900000000-MeterReferenceIndexes';
import { MeterIdentityLookup1765000000000 } from './1765000000000-MeterIdentityLookup';

/** Every migration of the system schema, in order. New migrations are appended here. */
export const SYSTEM_MIGRATIONS = [
  CreateSystemSchema1764000000000,
  CreateIdentity1764100000000,
  CreateChangeHistory1764200000000,
  CreateHierarchy1764300000000,
  CreateDevices1764400000000,
  MeterSerialCollation1764500000000,
  CreateConsumers1764600000000,
  MeterProvisioning1764700000000,
  MeterReferenceIndexes1764900000000,
  MeterIdentityLookup1765000000000,
];
