import type { LorawanCodec } from '../../types';
import { qalcosonicW1 } from './qalcosonic-w1';

/** axioma codecs (LoRaWAN Device Repository vendor id `axioma`). */
export const axiomaCodecs: LorawanCodec[] = [qalcosonicW1];
