import { iotFactoryCodec } from './codec';
import { deviceInfo } from './device-info';
import type { FrameParser } from './frames';
import * as s from './generic-sensors';
import * as t from './generic-tracking';

/**
 * IoT Factory generic decoder, used by its metering node (pulse counters, analog, digital and
 * 4-20 mA inputs) and its trackers and sensors. Frame types as in
 * vendor/iot-factory/generic-decoder.js (its M-Bus frame type 0x16 is commented out there).
 */
export const generic = iotFactoryCodec(
  {
    id: 'iot-factory/generic',
    model: 'Metering node and other IoT Factory devices (generic decoder)',
    utility: 'pulse',
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/iot-factory/generic-decoder.js',
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/iot-factory/generic-codec.yaml',
    ],
  },
  new Map<number, FrameParser>([
    [0x00, deviceInfo],
    [0x03, t.gnss],
    [0x04, t.wifi],
    [0x05, t.motionActivity],
    [0x06, t.shock],
    [0x07, s.wasteSensor],
    [0x08, s.modbus],
    [0x09, t.ibeacon],
    [0x0a, s.current420],
    [0x0b, s.digitalInput],
    [0x0c, s.analogInput],
    [0x0d, s.pulseCounter],
    [0x0e, t.lbs],
    [0x0f, s.temperature],
    [0x10, s.rs485],
    [0x11, t.sos],
    [0x12, t.turn],
    [0x13, t.movement],
    [0x14, t.imu],
    [0x15, s.odk],
    [0x17, t.modemState],
    [0x18, s.humidity],
    [0x19, s.illuminance],
    [0x20, t.acceleration],
    [0x21, s.guard],
    [0x22, t.inclination],
  ]),
);
