import type { WmbusDriver } from './types';

/** Drivers in selection order: the first whose detect() accepts the telegram decodes it. */
export const DRIVERS: readonly WmbusDriver[] = [];
