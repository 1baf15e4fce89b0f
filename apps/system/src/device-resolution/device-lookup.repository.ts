import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { POSTGRES } from '@app/postgres';
import type { MeterEntity } from '../database/entities/meter.entity';

/** The columns of a meter that resolution answers with. */
export type MeterIdentityRow = Pick<MeterEntity, 'id' | 'tenantId' | 'codecId' | 'utility' | 'multiplier' | 'status' | 'devEui' | 'wmbusManufacturer' | 'wmbusId' | 'aesKeyEnc'>;

const COLUMNS = `m."id", m."tenant_id" AS "tenantId", m."codec_id" AS "codecId", m."utility", m."multiplier", m."status",
  m."dev_eui" AS "devEui", m."wmbus_manufacturer" AS "wmbusManufacturer", m."wmbus_id" AS "wmbusId", m."aes_key_enc" AS "aesKeyEnc"`;

/**
 * Meters by device identity across every tenant: an uplink names no tenant. The only cross-tenant
 * meter lookup, named for it; it serves the internal `system.device.resolve` alone.
 */
@Injectable()
export class DeviceLookupRepository {
  constructor(@Inject(POSTGRES) private readonly db: DataSource) {}

  /** Every meter (of any tenant, archived too) with one of these lower-case devEuis. */
  findByDevEuiAcrossTenants(devEuis: readonly string[]): Promise<MeterIdentityRow[]> {
    if (devEuis.length === 0) return Promise.resolve([]);
    return this.db.query(`SELECT ${COLUMNS} FROM "system"."meters" m WHERE m."dev_eui" = ANY($1::text[])`, [devEuis]);
  }

  /** Every meter (of any tenant, archived too) with one of these wM-Bus (manufacturer, id) addresses. */
  findByWmbusAcrossTenants(addresses: readonly [string, string][]): Promise<MeterIdentityRow[]> {
    if (addresses.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT ${COLUMNS} FROM "system"."meters" m JOIN unnest($1::text[], $2::text[]) AS w(manufacturer, id)
         ON m."wmbus_manufacturer" = w.manufacturer AND m."wmbus_id" = w.id`,
      [addresses.map((a) => a[0]), addresses.map((a) => a[1])],
    );
  }
}
