import type { LorawanCodec } from '../../types';
import { mbusparser } from './mbusparser';

/** kamstrup codecs (LoRaWAN Device Repository vendor id `kamstrup`). */
export const kamstrupCodecs: LorawanCodec[] = [mbusparser];
