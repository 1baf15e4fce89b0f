import type { CrcStatus, DownlinkTxInfo, Location, Modulation, RxInfo, UplinkTxInfo } from './event-types';
import {
  isJsonObject,
  readArray,
  readEnum,
  readInt32,
  readNumber,
  readObject,
  readString,
  readStringMap,
  readTimestamp,
  readUint32,
  reject,
} from './fields';
import type { JsonObject } from './fields';

/**
 * The gw.* and common.* messages inside events: rxInfo[], txInfo, location. These are not built with
 * emit_fields, so every default (snr 0, channel 0, crcStatus NO_CRC, location.source UNKNOWN...) is omitted
 * by ChirpStack and read back as that default here (chirpstack.md 1.2).
 */
const CRC_STATUSES: ReadonlySet<string> = new Set<CrcStatus>(['NO_CRC', 'BAD_CRC', 'CRC_OK']);

export function readLocation(o: JsonObject, key: string, prefix: string): Location | undefined {
  const l = readObject(o, key, prefix);
  if (!l) return undefined;
  const p = prefix ? `${prefix}.${key}` : key;
  const source = readString(l, 'source', p);
  return {
    latitude: readNumber(l, 'latitude', p),
    longitude: readNumber(l, 'longitude', p),
    altitude: readNumber(l, 'altitude', p),
    source: source === '' ? 'UNKNOWN' : source,
    accuracy: readNumber(l, 'accuracy', p),
  };
}

function readRxInfoItem(o: JsonObject, p: string): RxInfo {
  const rx: RxInfo = {
    gatewayId: readString(o, 'gatewayId', p).toLowerCase(),
    uplinkId: readUint32(o, 'uplinkId', p),
    rssi: readInt32(o, 'rssi', p),
    snr: readNumber(o, 'snr', p),
    channel: readUint32(o, 'channel', p),
    rfChain: readUint32(o, 'rfChain', p),
    board: readUint32(o, 'board', p),
    antenna: readUint32(o, 'antenna', p),
    crcStatus: readEnum<CrcStatus>(o, 'crcStatus', p, CRC_STATUSES, 'NO_CRC'),
    metadata: readStringMap(o, 'metadata', p),
  };
  const gwTime = readTimestamp(o, 'gwTime', p);
  if (gwTime) rx.gwTime = gwTime;
  const nsTime = readTimestamp(o, 'nsTime', p);
  if (nsTime) rx.nsTime = nsTime;
  const location = readLocation(o, 'location', p);
  if (location) rx.location = location;
  return rx;
}

/** `rxInfo[]`: one entry per gateway that heard the frame. */
export function readRxInfo(root: JsonObject): RxInfo[] {
  const items = readArray(root, 'rxInfo', '');
  const result = new Array<RxInfo>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const p = `rxInfo[${i}]`;
    if (!isJsonObject(item)) reject('WRONG_TYPE', p, `${p} must be an object`);
    result[i] = readRxInfoItem(item, p);
  }
  return result;
}

/** `modulation`: exactly one of lora, fsk, lrFhss (a oneof); undefined when none is set. */
function readModulation(o: JsonObject, prefix: string): Modulation | undefined {
  const m = readObject(o, 'modulation', prefix);
  if (!m) return undefined;
  const p = `${prefix}.modulation`;
  const lora = readObject(m, 'lora', p);
  if (lora) {
    const q = `${p}.lora`;
    return {
      type: 'lora',
      bandwidth: readUint32(lora, 'bandwidth', q),
      spreadingFactor: readUint32(lora, 'spreadingFactor', q),
      codeRate: readString(lora, 'codeRate', q) || 'CR_UNDEFINED',
    };
  }
  const fsk = readObject(m, 'fsk', p);
  if (fsk) {
    const q = `${p}.fsk`;
    return { type: 'fsk', frequencyDeviation: readUint32(fsk, 'frequencyDeviation', q), datarate: readUint32(fsk, 'datarate', q) };
  }
  const lrFhss = readObject(m, 'lrFhss', p);
  if (lrFhss) {
    const q = `${p}.lrFhss`;
    return {
      type: 'lrFhss',
      operatingChannelWidth: readUint32(lrFhss, 'operatingChannelWidth', q),
      codeRate: readString(lrFhss, 'codeRate', q) || 'CR_UNDEFINED',
      gridSteps: readUint32(lrFhss, 'gridSteps', q),
    };
  }
  return undefined;
}

/** `txInfo` of an uplink (gw.UplinkTxInfo); undefined when absent. */
export function readUplinkTxInfo(root: JsonObject): UplinkTxInfo | undefined {
  const t = readObject(root, 'txInfo', '');
  if (!t) return undefined;
  const info: UplinkTxInfo = { frequency: readUint32(t, 'frequency', 'txInfo') };
  const modulation = readModulation(t, 'txInfo');
  if (modulation) info.modulation = modulation;
  return info;
}

/** `txInfo` of a txack (gw.DownlinkTxInfo: frequency, power, modulation); undefined when absent. */
export function readDownlinkTxInfo(root: JsonObject): DownlinkTxInfo | undefined {
  const t = readObject(root, 'txInfo', '');
  if (!t) return undefined;
  const info: DownlinkTxInfo = { frequency: readUint32(t, 'frequency', 'txInfo'), power: readInt32(t, 'power', 'txInfo') };
  const modulation = readModulation(t, 'txInfo');
  if (modulation) info.modulation = modulation;
  return info;
}
