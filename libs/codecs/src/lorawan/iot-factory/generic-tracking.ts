import { CodecError } from '../../errors';
import type { JsonObject, JsonValue } from '../../types';
import type { FrameParser, FrameReader } from './frames';
import { timedHead } from './frames';

/**
 * Location, motion and event frames of IoT Factory's generic decoder (trackers): GNSS, Wi-Fi
 * access points, iBeacons, motion activity, movement, IMU, acceleration, inclination, shock,
 * SOS, turn, modem state. Names and validity rules are the vendor's; its LBS (cell) frame
 * pushes into a list it never creates, so the vendor decoder fails on every LBS frame.
 */
const GEO_REASONS = { 0: 'regular', 1: 'change_mode', 3: 'result_request' };
const REGULAR = { 0: 'regular' };

const head = (type: string, reason: number, names: Readonly<Record<number, string>>, r: FrameReader): JsonObject => timedHead(r, type, reason, names);

export const gnss: FrameParser = (r, reason) => {
  const f = head('gnss', reason, GEO_REASONS, r);
  f.lat = r.i32('latitude') / 100000;
  f.lon = r.i32('longitude') / 100000;
  f.alt = r.u16('altitude');
  f.speed_kmh = r.u16('speed');
  f.hdop = r.u8('hdop') / 10;
  const b = r.u8('gnss flags');
  f.used_sat = b & 0x1f;
  f.geofence1 = b & 0x20 ? 'inside' : 'outside';
  f.geofence2 = b & 0x40 ? 'inside' : 'outside';
  f.in_movement = (b & 0x80) !== 0;
  return f;
};

/** A BSSID of all 0x00 or all 0xFF is an empty slot. */
const validBssid = (b: Uint8Array): boolean => !b.every((x) => x === 0) && !b.every((x) => x === 0xff);

export const wifi: FrameParser = (r, reason) => {
  const f = head('wifi', reason, GEO_REASONS, r);
  const aps: Array<{ bssid: Uint8Array; rssi: number }> = [];
  for (let k = 0; k < 3; k++) aps.push({ bssid: r.take(6, 'bssid'), rssi: r.i8('rssi') });
  const flags = r.u8('wifi flags');
  const list: JsonValue[] = [];
  aps.forEach((ap, k) => {
    if (!validBssid(ap.bssid)) return;
    const mac = Array.from(ap.bssid, (x) => x.toString(16).padStart(2, '0')).join(':');
    list.push({ mac, rssi: ap.rssi, is_home_network: (flags & (0x20 << k)) !== 0 });
  });
  f.wifi_ap_list = list;
  f.in_movement = (flags & 0x10) !== 0;
  return f;
};

export const ibeacon: FrameParser = (r, reason) => {
  const f = head('ibeacon', reason, REGULAR, r);
  const list: JsonValue[] = [];
  for (let k = 0; k < 3; k++) {
    const major = r.u16('major');
    const minor = r.u16('minor');
    const rssi = r.i8('rssi');
    if (rssi <= 0) list.push({ major, minor, rssi });
  }
  f.ibeacons_list = list;
  f.in_movement = (r.u8('beacon flags') & 0x80) !== 0;
  return f;
};

export const lbs: FrameParser = (r) => {
  r.time();
  throw new CodecError('UNSUPPORTED_FRAME', 'lbs_geolocation frame: the vendor decoder fails on it (its lbs_list is never created)');
};

export const motionActivity: FrameParser = (r, reason) => {
  const f = head('motion_activity', reason, { 0: 'regular', 1: 'shock_detect', 2: 'stop_movement', 3: 'start_movement' }, r);
  f.period_duration_min = r.u8('period');
  f.avg_index = r.u8('average index');
  return f;
};

export const movement: FrameParser = (r, reason) => {
  const f = head('movement', reason, REGULAR, r);
  const m = r.u8('movement');
  f.is_movement = m === 0 ? false : m === 1 ? true : 'unknown';
  return f;
};

const int16s = (type: string, keys: string[], divider = 1): FrameParser => (r, reason) => {
  const f = head(type, reason, type === 'inclination' ? { 0: 'normal', 1: 'alarm' } : REGULAR, r);
  for (const key of keys) f[key] = divider === 1 ? r.i16(key) : r.u16(key) / divider;
  return f;
};

export const imu = int16s('IMU', ['roll', 'pith', 'yaw']);
export const acceleration = int16s('acceleration', ['x_mG', 'y_mG', 'z_mG']);
export const inclination = int16s('inclination', ['x_axis_angle_pct', 'y_axis_angle_pct', 'z_axis_angle_pct'], 10);

export const shock: FrameParser = (r, reason) => head('shock', reason, { 1: 'shock_detect' }, r);
export const sos: FrameParser = (r, reason) => head('sos', reason, { 1: 'sos_1_detect', 2: 'sos_2_detect' }, r);
export const turn: FrameParser = (r, reason) => head('turn', reason, { 1: 'turn_detect' }, r);

/** Modem state: the decoder reads 20 characters, an RSSI and 15 characters into the same `iccid` key. */
export const modemState: FrameParser = (r, reason) => {
  const f = head('modern_state', reason, REGULAR, r);
  f.iccid = r.ascii(20, 'iccid');
  f.rssi = r.i16('rssi');
  f.iccid = r.ascii(15, 'iccid');
  return f;
};
