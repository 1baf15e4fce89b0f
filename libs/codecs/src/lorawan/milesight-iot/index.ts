import type { LorawanCodec } from '../../types';
import { ct101 } from './ct101';
import { em300Di } from './em300-di';

/** milesight-iot codecs (LoRaWAN Device Repository vendor id `milesight-iot`). */
export const milesightIotCodecs: LorawanCodec[] = [em300Di, ct101];
