import { iotFactoryCodec } from './codec';
import { deviceInfo } from './device-info';
import type { FrameParser } from './frames';
import { mbusFrame } from './mbus-frame';

/**
 * IoT Factory M-Bus gateway (LoRaWAN): reads wired M-Bus meters and sends each reading as an
 * M-Bus frame (type 0x16: meter ID, medium, status and one EN 13757-3 record), plus device-info
 * frames (type 0x00). Source: vendor/iot-factory/m-bus-gateway-decoder.js.
 */
export const mbusGateway = iotFactoryCodec(
  {
    id: 'iot-factory/m-bus-gateway',
    model: 'M-Bus gateway (LoRaWAN)',
    utility: 'multi',
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/iot-factory/m-bus-gateway-decoder.js',
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/iot-factory/m-bus-gateway-codec.yaml',
      'EN 13757-3 (data records)',
    ],
  },
  new Map<number, FrameParser>([
    [0x00, deviceInfo],
    [0x16, mbusFrame],
  ]),
);
