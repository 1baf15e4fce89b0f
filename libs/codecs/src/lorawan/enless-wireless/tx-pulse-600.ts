import { txPulseCodec } from './tx-pulse';

/** Enless TX PULSE 600-036 (type 0x08). */
export const txPulse600 = txPulseCodec('enless-wireless/tx-pulse-600', 'TX PULSE 600-036');
