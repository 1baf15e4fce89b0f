import type { LorawanCodec } from '../../types';

/** netvox codecs (LoRaWAN Device Repository vendor id `netvox`). */
export const netvoxCodecs: LorawanCodec[] = [];
