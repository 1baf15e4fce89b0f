import type { LorawanCodec } from '../../types';

/** talkpool codecs (LoRaWAN Device Repository vendor id `talkpool`). */
export const talkpoolCodecs: LorawanCodec[] = [];
