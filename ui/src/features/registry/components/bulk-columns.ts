import { CONSUMER_IMPORT_COLUMNS, GATEWAY_IMPORT_COLUMNS, METER_IMPORT_COLUMNS, SERVICE_POINT_IMPORT_COLUMNS } from '@contracts/bulk';
import type { BulkEntity } from '../api/use-bulk';

/** What one import file holds: its header row and the notes shown next to it. */
export interface BulkColumns {
  noun: string;
  columns: readonly string[];
  required: readonly string[];
  notes: string;
}

export const BULK_COLUMNS: Record<BulkEntity, BulkColumns> = {
  meters: {
    noun: 'meters',
    columns: METER_IMPORT_COLUMNS,
    required: ['serial', 'vendor', 'utility'],
    notes: 'utility: water, gas, heat or electricity. devEui/joinEui 16 hex digits, appKey/aesKey 32 (keys are never exported). wmbusManufacturer three letters with wmbusId eight digits. multiplier an exact decimal. nodeId a hierarchy node id.',
  },
  gateways: {
    noun: 'gateways',
    columns: GATEWAY_IMPORT_COLUMNS,
    required: ['eui', 'name'],
    notes: 'eui 16 hex digits. latitude/longitude decimal degrees. status: active, inactive or decommissioned. configuration a JSON object.',
  },
  consumers: {
    noun: 'consumers',
    columns: CONSUMER_IMPORT_COLUMNS,
    required: ['kind', 'accountNumber', 'name'],
    notes: 'kind: residential or non_residential (taxId, registrationNumber and contactPerson only for non_residential).',
  },
  'service-points': {
    noun: 'service points',
    columns: SERVICE_POINT_IMPORT_COLUMNS,
    required: ['code', 'utility'],
    notes: 'code: letters, digits and . _ / - (unique). consumerId an active consumer id, nodeId a hierarchy node id (both optional).',
  },
};
