import type { LorawanCodec } from '../../types';

/** kamstrup codecs (LoRaWAN Device Repository vendor id `kamstrup`). */
export const kamstrupCodecs: LorawanCodec[] = [];
