import type { LorawanCodec } from '../../types';

/** enless-wireless codecs (LoRaWAN Device Repository vendor id `enless-wireless`). */
export const enlessWirelessCodecs: LorawanCodec[] = [];
