import type { LorawanCodec } from '../../types';
import { cmi4110 } from './cmi4110';
import { cmi4111 } from './cmi4111';
import { cmi4130 } from './cmi4130';
import { cmi4140 } from './cmi4140';
import { cmi4160 } from './cmi4160';

/** elvaco codecs (LoRaWAN Device Repository vendor id `elvaco`). */
export const elvacoCodecs: LorawanCodec[] = [cmi4110, cmi4111, cmi4130, cmi4140, cmi4160];
