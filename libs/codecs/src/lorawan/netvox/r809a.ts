import { ByteReader } from '../../reader';
import type { DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, UplinkInput } from '../../types';
import { NETVOX_SOURCES, configureCmd, deviceField, reportingInterval, status, unknownCommand, unknownPort, unsupported, versionReport } from './common';

const ID = 'netvox/r809a';
const DEVICE_TYPE = 0x0e;
const alarmText = (b: number): string => (b === 0 ? 'No alarm' : 'Alarm');

/**
 * Netvox R809A plug-in energy meter with relay (mains powered, no battery byte). fPort 6: report
 * 0x00 version; 0x01 relay state, energy (uint32 BE, Wh), over-current, surge ("dash") current and
 * power-off alarms; any other report voltage (V), current (mA), power (W), uint16 BE each. fPort 7:
 * config responses (min/max time, current change, power change). Downlinks: read config,
 * reporting period, relay on/off (0x91/0x90), clear energy (0x93).
 */
export const r809a: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'netvox',
    model: 'R809A',
    utility: 'electricity',
    protocol: 'lorawan',
    fPorts: [6, 7],
    downlinks: ['read_config', 'reporting_interval', 'relay', 'reset_counter'],
    sources: ['https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/netvox/payload/r809a.js', ...NETVOX_SOURCES],
  },
  decode(input: UplinkInput): DecodedPayload {
    const r = new ByteReader(input.bytes, 'R809A frame');
    const vendor: JsonObject = {};
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor };
    if (input.fPort === 7) {
      const cmd = r.u8('command id');
      if (cmd !== 0x81 && cmd !== 0x82) unknownCommand(ID, cmd);
      vendor.Cmd = cmd === 0x81 ? 'ConfigReportRsp' : 'ReadConfigReportRsp';
      deviceField(r, vendor, out);
      if (cmd === 0x81) {
        vendor.Status = status(r.u8('status'));
      } else {
        vendor.MinTime = r.u16be('min time');
        vendor.MaxTime = r.u16be('max time');
        vendor.CurrentChange = r.u16be('current change');
        vendor.PowerChange = r.u16be('power change');
      }
      return out;
    }
    if (input.fPort !== 6) unknownPort(ID, input.fPort);
    r.u8('version');
    deviceField(r, vendor, out);
    const report = r.u8('report type');
    if (report === 0x00) {
      out.device = versionReport(r, vendor);
    } else if (report === 0x01) {
      const on = r.u8('on/off') !== 0;
      const energy = r.u32be('energy');
      const over = r.u8('over-current alarm');
      const dash = r.u8('surge current alarm');
      const powerOff = r.u8('power-off alarm');
      vendor.OnOff = on ? 'ON' : 'OFF';
      vendor.Energy = energy;
      vendor.OverCurrentAlarm = alarmText(over);
      vendor.DashCurrentAlarm = alarmText(dash);
      vendor.PowerOffAlarm = alarmText(powerOff);
      out.measurements.push(
        { quantity: 'energy', value: energy / 1000, unit: 'kWh', register: '1.8.0' },
        { quantity: 'relay_state', value: on ? 1 : 0, unit: '' },
      );
      if (over || dash) out.alarms.push('over_current');
    } else {
      const volts = r.u16be('voltage');
      const mA = r.u16be('current');
      const watts = r.u16be('power');
      vendor.Vol = volts;
      vendor.Current = mA;
      vendor.Power = watts;
      out.measurements.push(
        { quantity: 'voltage', value: volts, unit: 'V' },
        { quantity: 'current', value: mA / 1000, unit: 'A' },
        { quantity: 'power', value: watts, unit: 'W' },
      );
    }
    return out;
  },
  encode(command: DownlinkCommand): EncodedDownlink {
    switch (command.type) {
      case 'read_config':
        return configureCmd(0x02, DEVICE_TYPE);
      case 'reporting_interval':
        // current change 100 mA, power change 1 W (ignored when MinTime = MaxTime)
        return reportingInterval(ID, DEVICE_TYPE, command.seconds, [0x00, 0x64, 0x00, 0x01]);
      case 'relay':
        return configureCmd(command.on ? 0x91 : 0x90, DEVICE_TYPE);
      case 'reset_counter':
        return configureCmd(0x93, DEVICE_TYPE);
      default:
        return unsupported(ID, command);
    }
  },
};
