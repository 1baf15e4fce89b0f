import type { VirtualMeter } from './meter';
import type { Rng } from './rng';

/** The ChirpStack tenant and application the simulated devices belong to. */
export interface ChirpStackTarget {
  tenantId: string;
  applicationId: string;
  applicationName: string;
}

export type EventName = 'up' | 'join' | 'status';

export const eventTopic = (applicationId: string, devEui: string, event: EventName): string =>
  `application/${applicationId}/device/${devEui}/event/${event}`;

/** ChirpStack's time format: RFC 3339 with a fraction of up to nine digits and "+00:00". */
export function chirpstackTime(seconds: number, rng: Rng): string {
  const iso = new Date(Math.floor(seconds) * 1000).toISOString();
  return `${iso.slice(0, 19)}.${String(rng.int(0, 999999)).padStart(6, '0')}+00:00`;
}

/** A device-profile id per codec: the same for every meter of a model. */
function profileId(codecId: string): string {
  let h = 0;
  for (const c of codecId) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return `d0d0d0d0-0000-4000-8000-${h.toString(16).padStart(12, '0')}`;
}

function deviceInfo(m: VirtualMeter, target: ChirpStackTarget): Record<string, unknown> {
  return {
    tenantId: target.tenantId,
    tenantName: 'Open HES simulator',
    applicationId: target.applicationId,
    applicationName: target.applicationName,
    deviceProfileId: profileId(m.encoder.codecId),
    deviceProfileName: `${m.encoder.codecId.replace('/', '-')}-EU868-OTAA`,
    deviceName: m.name,
    devEui: m.devEui,
    deviceClassEnabled: 'CLASS_A',
    tags: { utility: m.utility, codec: m.encoder.codecId, scenario: m.scenario },
  };
}

const GATEWAYS = ['0016c001f153a14c', '0016c001f1539b2e', '7276ff000b031f30', 'a840411d9a4c4150'];

/** 1-3 gateways heard the uplink, each with its own signal. */
function rxInfo(m: VirtualMeter, time: number, rng: Rng): Record<string, unknown>[] {
  const count = rng.int(1, 3);
  const first = m.index % GATEWAYS.length;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const rssi = rng.int(-125, -70) - i * 6;
    out.push({
      gatewayId: GATEWAYS[(first + i) % GATEWAYS.length],
      uplinkId: rng.int(1, 65535),
      nsTime: chirpstackTime(time, rng),
      rssi,
      snr: Math.max(-20, Math.min(13.5, Math.round(((rssi + 110) / 3 + rng.next() * 4) * 4) / 4)),
      channel: rng.int(0, 7),
      rfChain: rng.int(0, 1),
      location: {},
      context: Buffer.from(rng.hex(4), 'hex').toString('base64'),
      metadata: { region_config_id: 'eu868', region_common_name: 'EU868' },
      crcStatus: 'CRC_OK',
    });
  }
  return out;
}

export interface UplinkFields {
  time: number;
  fCnt: number;
  fPort: number;
  bytes: Uint8Array;
}

export function upEvent(m: VirtualMeter, target: ChirpStackTarget, u: UplinkFields, rng: Rng): Record<string, unknown> {
  const dr = rng.int(0, 5);
  return {
    deduplicationId: rng.uuid(),
    time: chirpstackTime(u.time, rng),
    deviceInfo: deviceInfo(m, target),
    devAddr: m.devAddr,
    adr: true,
    dr,
    fCnt: u.fCnt,
    fPort: u.fPort,
    confirmed: false,
    data: Buffer.from(u.bytes).toString('base64'),
    rxInfo: rxInfo(m, u.time, rng),
    txInfo: {
      frequency: rng.pick([868100000, 868300000, 868500000, 867100000, 867300000, 867500000]),
      modulation: { lora: { bandwidth: 125000, spreadingFactor: 12 - dr, codeRate: 'CR_4_5' } },
    },
    regionConfigId: 'eu868',
  };
}

export function joinEvent(m: VirtualMeter, target: ChirpStackTarget, time: number, rng: Rng): Record<string, unknown> {
  return {
    deduplicationId: rng.uuid(),
    time: chirpstackTime(time, rng),
    deviceInfo: deviceInfo(m, target),
    devAddr: m.devAddr,
    regionConfigId: 'eu868',
  };
}

export function statusEvent(m: VirtualMeter, target: ChirpStackTarget, time: number, batteryPercent: number, rng: Rng): Record<string, unknown> {
  return {
    deduplicationId: rng.uuid(),
    time: chirpstackTime(time, rng),
    deviceInfo: deviceInfo(m, target),
    margin: rng.int(-5, 20),
    externalPowerSource: false,
    batteryLevelUnavailable: false,
    batteryLevel: Math.round(batteryPercent * 100) / 100,
  };
}
