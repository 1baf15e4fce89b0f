import { CodecError } from '../../errors';
import { ByteReader } from '../../reader';
import type { JsonObject } from '../../types';
import { decodeCauses } from './alarm-causes';
import type { Sample } from './samples';
import type { ClusterDecoder } from './zcl';
import { CMD, endpointOf, readerAt, zclHex } from './zcl';

/** What a Watteco model knows: its clusters and the vendor's per-endpoint renaming of fields. */
export interface WattecoModel {
  name: string;
  clusters: Readonly<Record<number, ClusterDecoder>>;
  /** field -> name per endpoint (index = endpoint); "NA" hides a field, a missing entry loses its name. */
  endpointNames: Readonly<Record<string, readonly string[]>>;
}

export interface StandardFrame {
  command: number;
  /** Set for reports, alarm reports and read responses. */
  samples?: Sample[];
  /** Set for (read) reporting configuration responses: the vendor returns the ZCL header itself. */
  header?: JsonObject;
  warnings: string[];
  alarm: boolean;
}

const TIC_CLUSTERS = new Set([0x53, 0x54, 0x55, 0x56, 0x57]);

function reportParameters(byte: number): JsonObject {
  const bits = byte.toString(2).padStart(8, '0');
  const cause = ['none', 'short', 'long', 'reserved'][(byte >> 4) & 3];
  return {
    new_mode_configuration: bits[0],
    cause_request: cause,
    secured_if_alarm: bits[4],
    secured: bits[5],
    no_hearde_port: bits[6],
    batch: bits[7],
  };
}

function interval(raw: number): JsonObject {
  return raw & 0x8000 ? { value: raw & 0x7fff, unit: 'minutes' } : { value: raw, unit: 'seconds' };
}

/** Configure reporting response (0x07) and read reporting configuration response (0x09). */
function configurationResponse(bytes: Uint8Array, command: number, cluster: number, header: JsonObject): StandardFrame {
  const r = readerAt(bytes, 4);
  const status = r.u8('status');
  const params = r.u8('report parameters');
  header.attID = zclHex(r.u16be('attribute id'), 4);
  header.status = status;
  header.report_parameters = reportParameters(params);
  if (command === CMD.readReportingConfigurationResponse) {
    header.attribut_type = r.u8('attribute type');
    header.min = interval(r.u16be('minimum interval'));
    header.max = interval(r.u16be('maximum interval'));
    if (cluster === 0x0050 && header.attID === '0x0006') {
      // Power-source change records, 5 bytes each; the vendor keeps the last one.
      const groups = Math.ceil(r.u8('power records length') / 5);
      for (let i = 0; i < groups; i++) {
        header.modepower = r.u8('power mode');
        header.powersource = r.u8('power source');
        header.delta = r.u16be('delta');
        header.changedpowersource = r.u8('changed power source');
      }
    }
  }
  return { command, header, warnings: [], alarm: false };
}

/** Decodes a standard (ZCL) frame; `recvTime` becomes every sample's date, as the vendor does. */
export function decodeStandard(bytes: Uint8Array, model: WattecoModel, recvTime: string | undefined): StandardFrame {
  const r = new ByteReader(bytes, 'Watteco frame');
  const endpoint = endpointOf(r.u8('frame control'));
  const command = r.u8('command');
  const cluster = r.u16be('cluster');
  const header: JsonObject = { report: 'standard', endpoint, cmdID: zclHex(command, 2), clustID: zclHex(cluster, 4) };

  if (command === CMD.configureReportingResponse || command === CMD.readReportingConfigurationResponse) {
    return configurationResponse(bytes, command, cluster, header);
  }
  if (command !== CMD.report && command !== CMD.alarmReport && command !== CMD.readAttributeResponse) {
    throw new CodecError('UNSUPPORTED_FRAME', `bad payload3: command ${zclHex(command, 2)} is not an uplink Watteco decodes`, { command });
  }
  const attribute = r.u16be('attribute id');
  if (command === CMD.readAttributeResponse) r.u8('status');
  const attributeType = r.u8('attribute type');
  if (bytes.length <= 7) throw new CodecError('TRUNCATED', `bad payload2: ${bytes.length}-byte frame carries no value`);

  const clusterDecoder = model.clusters[cluster];
  if (!clusterDecoder) {
    const why = TIC_CLUSTERS.has(cluster) ? 'TIC clusters need TIC_Decode, which no public decoder defines' : `not a cluster of the ${model.name}`;
    throw new CodecError('UNSUPPORTED_FRAME', `bad payload1: cluster ${zclHex(cluster, 4)}: ${why}`, { cluster });
  }
  const decoded = clusterDecoder({ bytes, command, cluster, attribute, value: r.offset });
  if (!decoded || decoded.fields.length === 0) {
    throw new CodecError('UNSUPPORTED_FRAME', `bad payload1: cluster ${zclHex(cluster, 4)} attribute ${zclHex(attribute, 4)} (or its value) is unknown`, {
      cluster,
      attribute,
    });
  }

  let warnings: string[] = [];
  let alarm = command === CMD.alarmReport;
  if (command !== CMD.readAttributeResponse && decoded.alarm) {
    const causes = decodeCauses(bytes, command, cluster, attribute, attributeType, decoded.alarm);
    warnings = causes.messages;
    alarm ||= causes.anyAlarm;
  }
  // Read responses keep the raw field names; reports are renamed per endpoint.
  const read = command === CMD.readAttributeResponse;
  const samples = decoded.fields.map(([key, value]): Sample => {
    // The vendor's renaming per endpoint: "NA" hides a field, a missing entry loses its name.
    const names = model.endpointNames[key];
    const name = names === undefined ? key : names[endpoint];
    const hidden = name === 'NA';
    // One shape for every sample (the codec sets `at` afterwards).
    return {
      variable: read ? key : name,
      value: read || !hidden ? value : 'NA',
      date: recvTime,
      canonical: name ?? `${key}@${endpoint}`,
      canonicalValue: value,
      time: undefined,
      at: undefined,
    };
  });
  return { command, samples, warnings, alarm };
}
