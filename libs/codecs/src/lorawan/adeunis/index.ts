import type { LorawanCodec } from '../../types';

/** adeunis codecs (LoRaWAN Device Repository vendor id `adeunis`). */
export const adeunisCodecs: LorawanCodec[] = [];
