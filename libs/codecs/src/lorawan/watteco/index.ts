import type { LorawanCodec } from '../../types';

/** watteco codecs (LoRaWAN Device Repository vendor id `watteco`). */
export const wattecoCodecs: LorawanCodec[] = [];
