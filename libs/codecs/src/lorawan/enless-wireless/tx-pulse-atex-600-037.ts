import { txPulseCodec } from './tx-pulse';

/** Enless TX PULSE ATEX 600-037 (type 0x09). */
export const txPulseAtex600037 = txPulseCodec('enless-wireless/tx-pulse-atex-600-037', 'TX PULSE ATEX 600-037');
