import type { LorawanCodec } from '../../types';
import { r718h } from './r718h';
import { r718h2 } from './r718h2';
import { r718n3 } from './r718n3';
import { r809a } from './r809a';

/** netvox codecs (LoRaWAN Device Repository vendor id `netvox`). */
export const netvoxCodecs: LorawanCodec[] = [r718h, r718h2, r718n3, r809a];
