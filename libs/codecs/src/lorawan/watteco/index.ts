import type { LorawanCodec } from '../../types';
import { pulseSenso } from './pulse-senso';
import { smartplug } from './smartplug';
import { triphaso } from './triphaso';

/** watteco codecs (LoRaWAN Device Repository vendor id `watteco`). */
export const wattecoCodecs: LorawanCodec[] = [pulseSenso, smartplug, triphaso];
