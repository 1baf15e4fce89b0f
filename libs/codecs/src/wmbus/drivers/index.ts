import { abbb23 } from './abbb23';
import { apator08, apator172 } from './apator';
import { apator162 } from './apator162';
import { apatoreitn } from './apatoreitn';
import { apatorna1 } from './apatorna1';
import { bfw240radio } from './bfw240radio';
import { em24 } from './em24';
import { iem3000 } from './iem3000';
import { izar } from './izar';
import { kamheat } from './kamheat';
import { kampress } from './kampress';
import { kamwater } from './kamwater';
import { omnipower } from './omnipower';
import { compact5, vario451 } from './compact5';
import { engelmannFaw } from './engelmannfaw';
import { fhkvdataiii } from './fhkvdataiii';
import { mkradio3, mkradio4 } from './mkradio';
import { mkradio3a } from './mkradio3a';
import { qcaloric } from './qcaloric';
import { qheatv2 } from './qheatv2';
import { qsmoke } from './qsmoke';
import { qwaterv2 } from './qwaterv2';
import { tsd2 } from './tsd2';
import { waterstarm } from './waterstarm';
import type { WmbusDriver } from './types';

/** Drivers in selection order: the first whose detect() accepts the telegram decodes it. */
export const DRIVERS: readonly WmbusDriver[] = [abbb23, apator08, apator162, apator172, apatoreitn, apatorna1, bfw240radio, em24, iem3000, izar, kamheat, kampress, kamwater, omnipower, compact5, vario451, fhkvdataiii, mkradio3, mkradio3a, mkradio4, tsd2, qcaloric, qheatv2, qsmoke, qwaterv2, engelmannFaw, waterstarm];
