import type { LorawanCodec } from '../../types';
import { emuProfII } from './emu-prof-ii';

/** emu codecs (LoRaWAN Device Repository vendor id `emu`). */
export const emuCodecs: LorawanCodec[] = [emuProfII];
