import type { LorawanCodec } from '../../types';

/** dragino codecs (LoRaWAN Device Repository vendor id `dragino`). */
export const draginoCodecs: LorawanCodec[] = [];
