import type { LorawanCodec } from '../../types';
import { iperl } from './iperl';

/** sensus codecs (LoRaWAN Device Repository vendor id `sensus`). */
export const sensusCodecs: LorawanCodec[] = [iperl];
