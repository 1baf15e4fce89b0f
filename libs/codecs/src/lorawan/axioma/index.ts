import type { LorawanCodec } from '../../types';

/** axioma codecs (LoRaWAN Device Repository vendor id `axioma`). */
export const axiomaCodecs: LorawanCodec[] = [];
