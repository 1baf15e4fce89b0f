import type { LorawanCodec } from '../../types';
import { txPulse600 } from './tx-pulse-600';
import { txPulseAtex600037 } from './tx-pulse-atex-600-037';
import { txPulseLed600038 } from './tx-pulse-led-600-038';

/** enless-wireless codecs (LoRaWAN Device Repository vendor id `enless-wireless`). */
export const enlessWirelessCodecs: LorawanCodec[] = [txPulse600, txPulseAtex600037, txPulseLed600038];
