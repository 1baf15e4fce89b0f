import type { LorawanCodec } from '../../types';

/** iot-factory codecs (LoRaWAN Device Repository vendor id `iot-factory`). */
export const iotFactoryCodecs: LorawanCodec[] = [];
