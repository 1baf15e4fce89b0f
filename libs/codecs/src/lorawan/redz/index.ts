import type { LorawanCodec } from '../../types';
import { lkmLwCodec2404 } from './lkm-lw-codec-2404';

/** redz codecs (LoRaWAN Device Repository vendor id `redz`). */
export const redzCodecs: LorawanCodec[] = [lkmLwCodec2404];
