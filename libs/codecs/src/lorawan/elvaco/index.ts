import type { LorawanCodec } from '../../types';

/** elvaco codecs (LoRaWAN Device Repository vendor id `elvaco`). */
export const elvacoCodecs: LorawanCodec[] = [];
