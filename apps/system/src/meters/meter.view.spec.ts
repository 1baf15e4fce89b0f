import { diffFields } from '../history/history-diff';
import type { MeterEntity } from '../database/entities/meter.entity';
import { METER_SECRET_FIELDS, meterSnapshot, toMeterView } from './meter.view';

const meter = (patch: Partial<MeterEntity> = {}): MeterEntity => ({
  id: '11111111-1111-4111-8111-111111111111',
  tenantId: '22222222-2222-4222-8222-222222222222',
  serial: 'SN-1',
  vendor: 'Acme',
  model: null,
  utility: 'water',
  codecId: null,
  nodeId: null,
  status: 'in_stock',
  devEui: '70b3d5e75e00abcd',
  joinEui: null,
  appKeyEnc: 'v1:iv:tag:SEALED-APP-KEY',
  wmbusManufacturer: 'KAM',
  wmbusId: '12345678',
  aesKeyEnc: null,
  multiplier: '1.000000',
  registerUnit: 'm3',
  installedAt: null,
  installIndex: null,
  removedAt: null,
  finalIndex: null,
  replacedById: null,
  replacesId: null,
  provisioningState: 'failed',
  provisioningError: 'ChirpStack POST /api/devices answered 500: boom',
  provisioningAt: new Date('2025-01-02T00:00:00Z'),
  createdAt: new Date('2025-01-01T00:00:00Z'),
  updatedAt: new Date('2025-01-01T00:00:00Z'),
  ...patch,
});

describe('meter view and snapshot', () => {
  it('answers whether keys are stored, never the sealed or clear key', () => {
    const view = toMeterView(meter());
    expect(view.lorawan).toEqual({ devEui: '70b3d5e75e00abcd', joinEui: null, hasAppKey: true });
    expect(view.wmbus).toEqual({ manufacturer: 'KAM', id: '12345678', hasAesKey: false });
    expect(JSON.stringify(view)).not.toContain('SEALED');
  });

  it('shows the ChirpStack provisioning of LoRaWAN meters only', () => {
    expect(toMeterView(meter()).provisioning).toEqual({ state: 'failed', error: 'ChirpStack POST /api/devices answered 500: boom', at: '2025-01-02T00:00:00.000Z' });
    expect(toMeterView(meter({ devEui: null })).provisioning).toBeNull();
  });

  it('diffs keys as "[changed]" only, and leaves tenant and timestamps out', () => {
    const changes = diffFields(meterSnapshot(meter()), meterSnapshot(meter({ appKeyEnc: 'v1:iv:tag:OTHER', aesKeyEnc: 'v1:a:b:c', updatedAt: new Date() })), METER_SECRET_FIELDS);
    expect(changes).toEqual({ appKey: { from: '[changed]', to: '[changed]' }, aesKey: { from: null, to: '[changed]' } });
    const fields = Object.keys(meterSnapshot(meter()));
    for (const hidden of ['tenantId', 'createdAt', 'updatedAt', 'appKeyEnc', 'aesKeyEnc']) expect(fields).not.toContain(hidden);
  });
});
