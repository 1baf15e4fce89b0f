import type { LorawanCodec } from '../../types';
import { pulse } from './pulse';
import { ticCbeLinkyMono } from './tic-cbe-linky-mono';
import { ticCbeLinkyTri } from './tic-cbe-linky-tri';
import { ticPmePmi } from './tic-pme-pmi';

/** adeunis codecs (LoRaWAN Device Repository vendor id `adeunis`). */
export const adeunisCodecs: LorawanCodec[] = [pulse, ticCbeLinkyMono, ticCbeLinkyTri, ticPmePmi];
