import type { LorawanCodec } from '../../types';

/** milesight-iot codecs (LoRaWAN Device Repository vendor id `milesight-iot`). */
export const milesightIotCodecs: LorawanCodec[] = [];
