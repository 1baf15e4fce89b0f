import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@app/common';
import { wmbusKey } from '@app/contracts';
import type { DeviceResolution, ResolveDevicesRequest, ResolvedDevices } from '@app/contracts';
import { SecretBox } from '../crypto/secret-box';
import { keyContext } from '../meters/meter-record';
import { DeviceLookupRepository } from './device-lookup.repository';
import type { MeterIdentityRow } from './device-lookup.repository';
import { resolutionOf } from './resolution-rule';

function groupBy(rows: readonly MeterIdentityRow[], key: (row: MeterIdentityRow) => string): Map<string, MeterIdentityRow[]> {
  const groups = new Map<string, MeterIdentityRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Resolves uplink device identities to meters across tenants, for ingest (two queries a batch). */
@Injectable()
export class DeviceResolutionService {
  constructor(
    private readonly lookup: DeviceLookupRepository,
    private readonly box: SecretBox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async resolve(request: ResolveDevicesRequest): Promise<ResolvedDevices> {
    const devEuis = [...new Set((request.devEuis ?? []).map((e) => e.toLowerCase()))];
    const addresses = new Map((request.wmbus ?? []).map((w): [string, [string, string]] => [wmbusKey(w), [w.manufacturer.toUpperCase(), w.id]]));
    const [euiRows, wmbusRows] = await Promise.all([this.lookup.findByDevEuiAcrossTenants(devEuis), this.lookup.findByWmbusAcrossTenants([...addresses.values()])]);
    const byEui = groupBy(euiRows, (r) => r.devEui ?? '');
    const byAddress = groupBy(wmbusRows, (r) => `${r.wmbusManufacturer}:${r.wmbusId}`);
    const answer: ResolvedDevices = { devEuis: {}, wmbus: {} };
    for (const eui of devEuis) answer.devEuis[eui] = this.reported(`devEui ${eui}`, resolutionOf(byEui.get(eui) ?? []));
    for (const key of addresses.keys()) {
      const rows = byAddress.get(key) ?? [];
      const resolution = this.reported(`wM-Bus ${key}`, resolutionOf(rows));
      answer.wmbus[key] = resolution.state === 'known' ? { ...resolution, aesKey: this.aesKeyOf(rows.find((r) => r.id === resolution.meterId)) } : resolution;
    }
    return answer;
  }

  private aesKeyOf(row: MeterIdentityRow | undefined): string | null {
    return row?.aesKeyEnc ? this.box.open(row.aesKeyEnc, keyContext(row.id, 'aesKey')) : null;
  }

  private reported(identity: string, resolution: DeviceResolution): DeviceResolution {
    if (resolution.state === 'ambiguous') this.logger.warn({ identity, tenants: resolution.tenantIds }, 'device identity held by live meters of several tenants: not resolved');
    return resolution;
  }
}
