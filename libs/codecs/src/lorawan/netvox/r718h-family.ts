import { ByteReader } from '../../reader';
import type { DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, UplinkInput } from '../../types';
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

const COMMANDS: Record<number, string> = {
  0x81: 'ConfigReportRsp',
  0x82: 'ReadConfigReportRsp',
  0x83: 'SetFiltertimeRsp',
  0x84: 'GetFiltertimeRsp',
  0x85: 'SetPulseCounterClearModeRsp',
  0x86: 'GetPulseCounterClearModeRsp',
};

/**
 * Netvox R718H (one pulse input) / R718H2 (two pulse inputs), one decoder as Netvox ships it
 * (payload/r718h.js). fPort 6: report 0x00 = version; any other report = battery (0.1 V, bit 7
 * low) + pulse count(s), uint16 BE. fPort 7: command responses (config report, filter time in
 * 5 ms units, pulse counter clear mode).
 */
export function decodeR718h(id: string, input: UplinkInput): DecodedPayload {
  const r = new ByteReader(input.bytes, `${id} frame`);
  const vendor: JsonObject = {};
  const out: DecodedPayload = { codec: id, measurements: [], alarms: [], vendor };
  if (input.fPort === 6) {
    r.u8('version');
    deviceField(r, vendor, out);
    const report = r.u8('report type');
    if (report === 0x00) {
      out.device = versionReport(r, vendor);
      return out;
    }
    batteryField(r, vendor, out);
    if (vendor.Device === 'R718H2') {
      const c1 = r.u16be('pulse count 1');
      const c2 = r.u16be('pulse count 2');
      vendor.PulseCount1 = c1;
      vendor.PulseCount2 = c2;
      out.measurements.push(
        { quantity: 'pulse_count', value: c1, unit: 'count', register: 'counter1' },
        { quantity: 'pulse_count', value: c2, unit: 'count', register: 'counter2' },
      );
    } else {
      const count = r.u16be('pulse count');
      vendor.PulseCount = count;
      out.measurements.push({ quantity: 'pulse_count', value: count, unit: 'count' });
    }
    return out;
  }
  if (input.fPort !== 7) unknownPort(id, input.fPort);
  const cmd = r.u8('command id');
  const name = COMMANDS[cmd];
  if (name === undefined) unknownCommand(id, cmd);
  vendor.Cmd = name;
  deviceField(r, vendor, out);
  switch (cmd) {
    case 0x82:
      vendor.MinTime = r.u16be('min time');
      vendor.MaxTime = r.u16be('max time');
      vendor.BatteryChange = r.u8('battery change') / 10;
      break;
    case 0x84:
      vendor.FilterTime = r.u8('filter time') * 5;
      break;
    case 0x86:
      vendor.PulseCounterClearMode = r.u8('clear mode') === 0 ? 'Clear when send' : 'Clear when Roll-Over';
      break;
    default:
      vendor.Status = status(r.u8('status'));
  }
  return out;
}

/** Read config, or a fixed reporting period (battery change 0.1 V, the factory default). */
export function encodeR718h(id: string, deviceType: number, command: DownlinkCommand): EncodedDownlink {
  switch (command.type) {
    case 'read_config':
      return configureCmd(0x02, deviceType);
    case 'reporting_interval':
      return reportingInterval(id, deviceType, command.seconds, [0x01]);
    default:
      return unsupported(id, command);
  }
}

export function r718hFamily(id: string, model: string, deviceType: number): LorawanCodec {
  return {
    meta: {
      id,
      vendor: 'netvox',
      model,
      utility: 'pulse',
      protocol: 'lorawan',
      fPorts: [6, 7],
      downlinks: ['read_config', 'reporting_interval'],
      sources: [
        'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/netvox/payload/r718h.js',
        'https://www.manualslib.com/manual/2424105/Netvox-R718h2.html (R718H2 user manual, ConfigureCmd examples)',
        ...NETVOX_SOURCES,
      ],
    },
    decode: (input) => decodeR718h(id, input),
    encode: (command) => encodeR718h(id, deviceType, command),
  };
}
