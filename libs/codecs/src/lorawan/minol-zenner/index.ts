import type { LorawanCodec } from '../../types';

/** minol-zenner codecs (LoRaWAN Device Repository vendor id `minol-zenner`). */
export const minolZennerCodecs: LorawanCodec[] = [];
