import { abbb23 } from './abbb23';
import { apator162 } from './apator162';
import { bfw240radio } from './bfw240radio';
import { em24 } from './em24';
import { iem3000 } from './iem3000';
import { kamheat } from './kamheat';
import { kampress } from './kampress';
import { kamwater } from './kamwater';
import { omnipower } from './omnipower';
import type { WmbusDriver } from './types';

/** Drivers in selection order: the first whose detect() accepts the telegram decodes it. */
export const DRIVERS: readonly WmbusDriver[] = [abbb23, apator162, bfw240radio, em24, iem3000, kamheat, kampress, kamwater, omnipower];
