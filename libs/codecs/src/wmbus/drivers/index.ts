import { apator162 } from './apator162';
import { bfw240radio } from './bfw240radio';
import type { WmbusDriver } from './types';

/** Drivers in selection order: the first whose detect() accepts the telegram decodes it. */
export const DRIVERS: readonly WmbusDriver[] = [apator162, bfw240radio];
