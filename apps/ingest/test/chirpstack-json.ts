import type { ChirpStackEvent, DeviceInfo, Location, Modulation, RxInfo } from '../src/events/event-types';

/**
 * Writes a normalized event back as ChirpStack v4 JSON, following its marshaling rules (chirpstack.md 1.2):
 * every scalar of an integration message present (emit_fields), message-typed fields only when set, defaults
 * omitted inside gw/common messages. Used by the round-trip tests; lossy where the parser keeps less
 * (rxInfo context, txInfo timing).
 */
type Json = Record<string, unknown>;

function omitDefaults(o: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined || value === 0 || value === '' || value === false) continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0 && key === 'metadata') continue;
    out[key] = value;
  }
  return out;
}

function location(l: Location): Json {
  return omitDefaults({ ...l, source: l.source === 'UNKNOWN' ? '' : l.source });
}

function modulation(m: Modulation): Json {
  switch (m.type) {
    case 'lora':
      return { lora: omitDefaults({ bandwidth: m.bandwidth, spreadingFactor: m.spreadingFactor, codeRate: m.codeRate === 'CR_UNDEFINED' ? '' : m.codeRate }) };
    case 'fsk':
      return { fsk: omitDefaults({ frequencyDeviation: m.frequencyDeviation, datarate: m.datarate }) };
    case 'lrFhss':
      return {
        lrFhss: omitDefaults({ operatingChannelWidth: m.operatingChannelWidth, codeRate: m.codeRate === 'CR_UNDEFINED' ? '' : m.codeRate, gridSteps: m.gridSteps }),
      };
  }
}

function rxInfo(rx: RxInfo): Json {
  return omitDefaults({
    gatewayId: rx.gatewayId,
    uplinkId: rx.uplinkId,
    gwTime: rx.gwTime?.text,
    nsTime: rx.nsTime?.text,
    rssi: rx.rssi,
    snr: rx.snr,
    channel: rx.channel,
    rfChain: rx.rfChain,
    board: rx.board,
    antenna: rx.antenna,
    location: rx.location ? location(rx.location) : undefined,
    metadata: rx.metadata,
    crcStatus: rx.crcStatus === 'NO_CRC' ? '' : rx.crcStatus,
  });
}

function deviceInfo(d: DeviceInfo): Json {
  const { deviceClassEnabled, ...rest } = d;
  return { ...rest, ...(deviceClassEnabled ? { deviceClassEnabled } : {}) };
}

function set(out: Json, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

export function toChirpStackJson(e: ChirpStackEvent): Json {
  const out: Json = {};
  switch (e.event) {
    case 'up':
      out.deduplicationId = e.deduplicationId;
      set(out, 'time', e.time?.text);
      out.deviceInfo = deviceInfo(e.deviceInfo);
      Object.assign(out, { devAddr: e.devAddr, adr: e.adr, dr: e.dr, fCnt: e.fCnt, fPort: e.fPort, confirmed: e.confirmed });
      out.data = Buffer.from(e.data).toString('base64');
      set(out, 'object', e.object);
      out.rxInfo = e.rxInfo.map(rxInfo);
      if (e.txInfo) out.txInfo = omitDefaults({ frequency: e.txInfo.frequency, modulation: e.txInfo.modulation && modulation(e.txInfo.modulation) });
      if (e.relayed) out.relayRxInfo = { devEui: e.devEui };
      if (e.dataEncrypted) out.joinServerContext = { sessionKeyId: 'AQID' };
      out.regionConfigId = e.regionConfigId;
      return out;
    case 'join':
      out.deduplicationId = e.deduplicationId;
      set(out, 'time', e.time?.text);
      out.deviceInfo = deviceInfo(e.deviceInfo);
      out.devAddr = e.devAddr;
      if (e.relayed) out.relayRxInfo = { devEui: e.devEui };
      out.regionConfigId = e.regionConfigId;
      return out;
    case 'status':
      out.deduplicationId = e.deduplicationId;
      set(out, 'time', e.time?.text);
      out.deviceInfo = deviceInfo(e.deviceInfo);
      return Object.assign(out, {
        margin: e.margin,
        externalPowerSource: e.externalPowerSource,
        batteryLevelUnavailable: e.batteryLevelUnavailable,
        batteryLevel: e.batteryLevel,
      });
    case 'ack':
      out.deduplicationId = e.deduplicationId;
      set(out, 'time', e.time?.text);
      out.deviceInfo = deviceInfo(e.deviceInfo);
      return Object.assign(out, { queueItemId: e.queueItemId, acknowledged: e.acknowledged, fCntDown: e.fCntDown });
    case 'txack':
      out.downlinkId = e.downlinkId;
      set(out, 'time', e.time?.text);
      out.deviceInfo = deviceInfo(e.deviceInfo);
      Object.assign(out, { queueItemId: e.queueItemId, fCntDown: e.fCntDown, gatewayId: e.gatewayId });
      if (e.txInfo) {
        out.txInfo = omitDefaults({ frequency: e.txInfo.frequency, power: e.txInfo.power, modulation: e.txInfo.modulation && modulation(e.txInfo.modulation) });
      }
      return out;
    case 'log':
      set(out, 'time', e.time?.text);
      out.deviceInfo = deviceInfo(e.deviceInfo);
      return Object.assign(out, { level: e.level, code: e.code, description: e.description, context: e.context });
    case 'location':
      out.deduplicationId = e.deduplicationId;
      set(out, 'time', e.time?.text);
      out.deviceInfo = deviceInfo(e.deviceInfo);
      if (e.location) out.location = location(e.location);
      return out;
  }
}
