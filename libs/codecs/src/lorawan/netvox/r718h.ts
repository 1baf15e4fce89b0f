import { r718hFamily } from './r718h-family';

/** Netvox R718H pulse counter interface (device type 0x1F). */
export const r718h = r718hFamily('netvox/r718h', 'R718H', 0x1f);
