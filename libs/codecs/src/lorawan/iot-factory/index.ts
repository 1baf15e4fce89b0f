import type { LorawanCodec } from '../../types';
import { generic } from './generic';
import { mbusGateway } from './m-bus-gateway';

/** iot-factory codecs (LoRaWAN Device Repository vendor id `iot-factory`). */
export const iotFactoryCodecs: LorawanCodec[] = [mbusGateway, generic];
