import { r718hFamily } from './r718h-family';

/** Netvox R718H2 two-channel pulse counter interface (device type 0x3F). */
export const r718h2 = r718hFamily('netvox/r718h2', 'R718H2', 0x3f);
