import type { LorawanCodec } from '../../types';

/** redz codecs (LoRaWAN Device Repository vendor id `redz`). */
export const redzCodecs: LorawanCodec[] = [];
