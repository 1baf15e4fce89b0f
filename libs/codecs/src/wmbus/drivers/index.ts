import { abbb23 } from './abbb23';
import { apator08 } from './apator08';
import { apator162 } from './apator162';
import { apator172 } from './apator172';
import { apatoreitn } from './apatoreitn';
import { apatorna1 } from './apatorna1';
import { bfw240radio } from './bfw240radio';
import { compact5 } from './compact5';
import { ebzwmbe } from './ebzwmbe';
import { ei6500 } from './ei6500';
import { em24 } from './em24';
import { engelmannFaw } from './engelmannfaw';
import { fhkvdataiii } from './fhkvdataiii';
import { gwfwater } from './gwfwater';
import { hydroclima } from './hydroclima';
import { iem3000 } from './iem3000';
import { ime } from './ime';
import { izar } from './izar';
import { kamheat } from './kamheat';
import { kampress } from './kampress';
import { kamwater } from './kamwater';
import { mkradio3 } from './mkradio3';
import { mkradio3a } from './mkradio3a';
import { mkradio4 } from './mkradio4';
import { nemo } from './nemo';
import { omnipower } from './omnipower';
import { q400 } from './q400';
import { qcaloric } from './qcaloric';
import { qheatv2 } from './qheatv2';
import { qsmoke } from './qsmoke';
import { qwaterv2 } from './qwaterv2';
import { tsd2 } from './tsd2';
import type { WmbusDriver } from './types';
import { vario451 } from './vario451';
import { waterstarm } from './waterstarm';

/**
 * Drivers in selection order: the first whose detect() accepts the telegram decodes it (the
 * candidates are preselected by manufacturer). A meter without a driver is decoded generically.
 */
export const DRIVERS: readonly WmbusDriver[] = [
  abbb23,
  apator08,
  apator162,
  apator172,
  apatoreitn,
  apatorna1,
  bfw240radio,
  compact5,
  ebzwmbe,
  ei6500,
  em24,
  engelmannFaw,
  fhkvdataiii,
  gwfwater,
  hydroclima,
  iem3000,
  ime,
  izar,
  kamheat,
  kampress,
  kamwater,
  mkradio3,
  mkradio3a,
  mkradio4,
  nemo,
  omnipower,
  q400,
  qcaloric,
  qheatv2,
  qsmoke,
  qwaterv2,
  tsd2,
  vario451,
  waterstarm,
];
