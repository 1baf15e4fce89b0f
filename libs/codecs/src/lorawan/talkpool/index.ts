import type { LorawanCodec } from '../../types';
import { oy1320 } from './oy1320';

/** talkpool codecs (LoRaWAN Device Repository vendor id `talkpool`). */
export const talkpoolCodecs: LorawanCodec[] = [oy1320];
