import type { LorawanCodec } from '../types';

import { adeunisCodecs } from './adeunis';
import { arwinTechnologyCodecs } from './arwin-technology';
import { axiomaCodecs } from './axioma';
import { develiotCodecs } from './develiot';
import { draginoCodecs } from './dragino';
import { elvacoCodecs } from './elvaco';
import { emuCodecs } from './emu';
import { enlessWirelessCodecs } from './enless-wireless';
import { iotFactoryCodecs } from './iot-factory';
import { kamstrupCodecs } from './kamstrup';
import { milesightIotCodecs } from './milesight-iot';
import { minolZennerCodecs } from './minol-zenner';
import { netvoxCodecs } from './netvox';
import { redzCodecs } from './redz';
import { sensusCodecs } from './sensus';
import { talkpoolCodecs } from './talkpool';
import { wattecoCodecs } from './watteco';

/** Every LoRaWAN codec, by vendor. */
export const LORAWAN_CODECS: readonly LorawanCodec[] = [
  ...adeunisCodecs,
  ...arwinTechnologyCodecs,
  ...axiomaCodecs,
  ...develiotCodecs,
  ...draginoCodecs,
  ...elvacoCodecs,
  ...emuCodecs,
  ...enlessWirelessCodecs,
  ...iotFactoryCodecs,
  ...kamstrupCodecs,
  ...milesightIotCodecs,
  ...minolZennerCodecs,
  ...netvoxCodecs,
  ...redzCodecs,
  ...sensusCodecs,
  ...talkpoolCodecs,
  ...wattecoCodecs,
];
