import type { JsonObject, JsonValue } from '../../types';
import type { AttributeContext, AttributeFields, ClusterDecoder } from './zcl';
import { readerAt, zclHex } from './zcl';

/**
 * Clusters every Watteco sensor has: Basic (0x0000), Configuration (0x0050) and LoRaWAN (0x8004).
 * Sources: support.watteco.com/basic-cluster, /configuration-cluster, /lorawan-cluster; the field
 * names are those of the vendor decoder (vendor/watteco/*.js in the LoRaWAN Device Repository).
 */
const one = (key: string, value: JsonValue): AttributeFields => ({ fields: [[key, value]] });

function lengthPrefixedText(ctx: AttributeContext): string {
  const r = readerAt(ctx.bytes, ctx.value);
  return r.ascii(r.u8('string length'), 'string');
}

const BASIC_STRINGS: Readonly<Record<number, string>> = {
  0x0003: 'kernel',
  0x0004: 'manufacturer',
  0x0005: 'model',
  0x0006: 'date',
  0x0010: 'position',
  0x8001: 'application_name',
};

export const basicCluster: ClusterDecoder = (ctx) => {
  if (ctx.attribute === 0x0002) {
    const r = readerAt(ctx.bytes, ctx.value);
    const major = r.u8('firmware major');
    const minor = r.u8('firmware minor');
    const revision = r.u8('firmware revision');
    const build = r.u24be('firmware build');
    return one('firmware', `${major}.${minor}.${revision}.${build}`);
  }
  const key = BASIC_STRINGS[ctx.attribute];
  return key === undefined ? undefined : one(key, lengthPrefixedText(ctx));
};

/** Node power descriptor: available sources bit field, one uint16 mV value per source present. */
const POWER_SOURCES: ReadonlyArray<[number, string]> = [
  [0x01, 'main_or_external_voltage'],
  [0x02, 'rechargeable_battery_voltage'],
  [0x04, 'disposable_battery_voltage'],
  [0x08, 'solar_harvesting_voltage'],
  [0x10, 'tic_harvesting_voltage'],
];

function powerDescriptor(ctx: AttributeContext): AttributeFields {
  const r = readerAt(ctx.bytes, ctx.value + 2);
  const sources = r.u8('power sources');
  const fields: Array<[string, JsonValue]> = [];
  for (const [bit, key] of POWER_SOURCES) {
    if (sources & bit) fields.push([key, r.u16be(key) / 1000]);
  }
  // The trailer starts one byte after the voltages (the current power source byte).
  return { fields, alarm: { start: r.offset + 1, divider: 1000, kind: 'multistate', fieldIndexed: true } };
}

/**
 * Descriptor (read response only). The vendor walks it with a fixed stride of 7 bytes per
 * endpoint and reads the output clusters without skipping the input ones; reproduced as is.
 */
function descriptor(ctx: AttributeContext): AttributeFields {
  const h = ctx.value;
  const byteAt = (offset: number): number => readerAt(ctx.bytes, offset).u8('descriptor');
  const wordAt = (offset: number): string => zclHex(readerAt(ctx.bytes, offset).u16be('descriptor cluster'), 4);
  const configuration: JsonObject = {};
  const endpoints = byteAt(h + 2);
  for (let e = 0; e < endpoints; e++) {
    const base = h + 7 * e;
    const inputs = byteAt(base + 4);
    const input_clusters = Array.from({ length: inputs }, (_, i) => wordAt(base + 5 + 2 * i));
    const outputs = byteAt(base + 5 + 2 * inputs);
    const output_clusters = Array.from({ length: outputs }, (_, i) => wordAt(base + 6 + 2 * i));
    configuration[String(e)] = { endpoint: byteAt(base + 3), input_clusters, output_clusters };
  }
  return one('configuration', configuration);
}

export const configurationCluster: ClusterDecoder = (ctx) => {
  if (ctx.attribute === 0x0004) return descriptor(ctx);
  if (ctx.attribute === 0x0006) return powerDescriptor(ctx);
  if (ctx.attribute >> 8 === 0xff) {
    // "Actions" attribute: the vendor prefixes "none" and reads from the length byte itself.
    const r = readerAt(ctx.bytes, ctx.value + 1);
    const n = r.peek('action length');
    return one(`action ${ctx.attribute & 0xff}`, 'none' + r.ascii(n, 'action text'));
  }
  return undefined;
};

const dotted = (ctx: AttributeContext, n: number): string =>
  Array.from(readerAt(ctx.bytes, ctx.value + 1).take(n, 'address')).join('.');

export const lorawanCluster: ClusterDecoder = (ctx) => {
  const r = readerAt(ctx.bytes, ctx.value);
  switch (ctx.attribute) {
    case 0x0000: {
      const v = r.u8('message type');
      return v === 1 ? one('message_type', 'confirmed') : v === 0 ? one('message_type', 'unconfirmed') : undefined;
    }
    case 0x0001:
      return one('nb_retry', r.u8('retries'));
    case 0x0002: {
      r.u8('length');
      const period_in_minutes = r.u16be('association period');
      const nb_err_frames = r.u16be('error frames');
      return one('automatic_association', { period_in_minutes, nb_err_frames });
    }
    case 0x0003:
      r.u16be('data rate header');
      return one('data_rate', r.u8('data rate'));
    case 0x0004:
      return one('ABP_dev_address', dotted(ctx, 4));
    case 0x0005:
      return one('OTA_app_EUI', dotted(ctx, 8));
    default:
      return undefined;
  }
};
