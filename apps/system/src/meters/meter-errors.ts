import { DomainError } from '@app/contracts';
import { isUniqueViolation } from '../database/pg-errors';

const CONFLICTS: Record<string, string> = {
  meters_tenant_vendor_serial_key: 'A meter of this vendor with this serial number already exists',
  meters_tenant_dev_eui_key: 'A meter with this devEui already exists',
  meters_tenant_wmbus_key: 'A meter with this wM-Bus manufacturer and id already exists',
};

export const meterNotFound = (what = 'Meter'): DomainError => new DomainError('NOT_FOUND', `${what} not found`);

/** Runs `work`, turning a duplicate serial, devEui or wM-Bus address into CONFLICT. */
export async function meterConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    for (const [constraint, message] of Object.entries(CONFLICTS)) if (isUniqueViolation(error, constraint)) throw new DomainError('CONFLICT', message);
    throw error;
  }
}
