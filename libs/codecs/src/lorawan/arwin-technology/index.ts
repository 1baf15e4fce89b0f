import type { LorawanCodec } from '../../types';

/** arwin-technology codecs (LoRaWAN Device Repository vendor id `arwin-technology`). */
export const arwinTechnologyCodecs: LorawanCodec[] = [];
