import type { LorawanCodec } from '../../types';
import { sw3l } from './sw3l';

/** dragino codecs (LoRaWAN Device Repository vendor id `dragino`). */
export const draginoCodecs: LorawanCodec[] = [sw3l];
