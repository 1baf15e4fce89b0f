import { txPulseCodec } from './tx-pulse';

/** Enless TX PULSE LED 600-038 (type 0x0A), an optical pulse reader for meter LEDs. */
export const txPulseLed600038 = txPulseCodec('enless-wireless/tx-pulse-led-600-038', 'TX PULSE LED 600-038');
