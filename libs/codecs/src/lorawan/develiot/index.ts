import type { LorawanCodec } from '../../types';

/** develiot codecs (LoRaWAN Device Repository vendor id `develiot`). */
export const develiotCodecs: LorawanCodec[] = [];
