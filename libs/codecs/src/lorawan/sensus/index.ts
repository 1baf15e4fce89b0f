import type { LorawanCodec } from '../../types';

/** sensus codecs (LoRaWAN Device Repository vendor id `sensus`). */
export const sensusCodecs: LorawanCodec[] = [];
