import type { LorawanCodec } from '../../types';
import { lrs2m0014xxx } from './lrs2m001-4xxx';

/** arwin-technology codecs (LoRaWAN Device Repository vendor id `arwin-technology`). */
export const arwinTechnologyCodecs: LorawanCodec[] = [lrs2m0014xxx];
