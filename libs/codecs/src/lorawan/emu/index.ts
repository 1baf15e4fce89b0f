import type { LorawanCodec } from '../../types';

/** emu codecs (LoRaWAN Device Repository vendor id `emu`). */
export const emuCodecs: LorawanCodec[] = [];
