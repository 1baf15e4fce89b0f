import type { LorawanCodec } from '../../types';
import { rwmr } from './rwmr';

/** develiot codecs (LoRaWAN Device Repository vendor id `develiot`). */
export const develiotCodecs: LorawanCodec[] = [rwmr];
