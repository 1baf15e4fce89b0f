import { ByteReader } from '../../reader';
import type { AlarmCode, DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, UplinkInput } from '../../types';
import {
  NETVOX_SOURCES,
  batteryField,
  configureCmd,
  deviceField,
  reportingInterval,
  status,
  unknownCommand,
  unknownPort,
  unsupported,
  versionReport,
} from './common';

const ID = 'netvox/r718n3';
const DEVICE_TYPE = 0x4a;
/** Report 0x03 packs each CT's multiplier in 2 bits: 0 -> x1, 1 -> x5, 2 -> x10, 3 -> x100. */
const MULTIPLIERS = [1, 5, 10, 100];
const PHASES = ['L1', 'L2', 'L3'];

function currents(r: ByteReader, vendor: JsonObject): number[] {
  const out = [1, 2, 3].map((n) => r.u16be(`current ${n}`));
  out.forEach((mA, i) => (vendor[`Current${i + 1}`] = mA));
  return out;
}

/**
 * Netvox R718N3 three-phase current meter. fPort 6: report 0x00 version; 0x01 battery + three
 * currents (mA, uint16 BE) + multiplier of CT 1; 0x02 battery + multipliers of CT 2 and 3 (the
 * default two-packet mode); 0x03 battery + three currents + the three multipliers packed in one
 * byte (one-packet mode); 0x04 battery + threshold alarm bits (low/high current per CT). The real
 * current is Current x Multiplier mA. fPort 7: config responses (min/max time, current change in
 * mA) and the set/get report-type responses of the Netvox document.
 */
export const r718n3: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'netvox',
    model: 'R718N3',
    utility: 'electricity',
    protocol: 'lorawan',
    fPorts: [6, 7],
    downlinks: ['read_config', 'reporting_interval'],
    sources: ['https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/netvox/payload/r718n3.js', ...NETVOX_SOURCES],
  },
  decode(input: UplinkInput): DecodedPayload {
    const r = new ByteReader(input.bytes, 'R718N3 frame');
    const vendor: JsonObject = {};
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor };
    if (input.fPort === 7) {
      const cmd = r.u8('command id');
      const names: Record<number, string> = { 0x81: 'ConfigReportRsp', 0x82: 'ReadConfigReportRsp', 0x83: 'SetReportTypeRsp', 0x84: 'GetReportTypeRsp' };
      if (names[cmd] === undefined) unknownCommand(ID, cmd);
      vendor.Cmd = names[cmd];
      deviceField(r, vendor, out);
      if (cmd === 0x82) {
        vendor.MinTime = r.u16be('min time');
        vendor.MaxTime = r.u16be('max time');
        vendor.CurrentChange = r.u16be('current change');
      } else if (cmd === 0x84) {
        vendor.ReportTypeSet = r.u8('report type set');
      } else {
        vendor.Status = status(r.u8('status'));
      }
      return out;
    }
    if (input.fPort !== 6) unknownPort(ID, input.fPort);
    r.u8('version');
    deviceField(r, vendor, out);
    const report = r.u8('report type');
    if (report === 0x00) {
      out.device = versionReport(r, vendor);
      return out;
    }
    batteryField(r, vendor, out);
    if (report === 0x01) {
      const mA = currents(r, vendor);
      const m1 = r.u8('multiplier 1');
      vendor.Multiplier1 = m1;
      out.measurements.push({ quantity: 'current', value: (mA[0] * m1) / 1000, unit: 'A', register: 'L1' });
      // CT 2/3 multipliers come in the companion report 0x02: the raw values are unscaled here.
      out.measurements.push(
        { quantity: 'current_unscaled', value: mA[1] / 1000, unit: 'A', register: 'L2' },
        { quantity: 'current_unscaled', value: mA[2] / 1000, unit: 'A', register: 'L3' },
      );
    } else if (report === 0x02) {
      vendor.Multiplier2 = r.u8('multiplier 2');
      vendor.Multiplier3 = r.u8('multiplier 3');
    } else if (report === 0x03) {
      const mA = currents(r, vendor);
      const packed = r.u8('multipliers');
      const mult = [0, 2, 4].map((shift) => MULTIPLIERS[(packed >> shift) & 3]);
      mult.forEach((m, i) => (vendor[`Multiplier${i + 1}`] = m));
      mA.forEach((v, i) => out.measurements.push({ quantity: 'current', value: (v * mult[i]) / 1000, unit: 'A', register: PHASES[i] }));
    } else if (report === 0x04) {
      const bits = r.u8('threshold alarms');
      vendor.LowCurrent1Alarm = bits & 1;
      vendor.HighCurrent1Alarm = (bits >> 1) & 1;
      vendor.LowCurrent2Alarm = (bits >> 2) & 1;
      vendor.HighCurren2Alarm = (bits >> 3) & 1;
      vendor.LowCurrent3Alarm = (bits >> 4) & 1;
      vendor.HighCurrent3Alarm = (bits >> 5) & 1;
      const alarms: AlarmCode[] = [];
      if (bits & 0b010101) alarms.push('threshold');
      if (bits & 0b101010) alarms.push('over_current');
      out.alarms.push(...alarms);
    }
    return out;
  },
  encode(command: DownlinkCommand): EncodedDownlink {
    switch (command.type) {
      case 'read_config':
        return configureCmd(0x02, DEVICE_TYPE);
      case 'reporting_interval':
        // current change 100 mA, as in the Netvox document's example
        return reportingInterval(ID, DEVICE_TYPE, command.seconds, [0x00, 0x64]);
      default:
        return unsupported(ID, command);
    }
  },
};
