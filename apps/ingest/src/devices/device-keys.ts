import { wmbusKey } from '@app/contracts';
import type { WmbusIdentity } from '@app/contracts';

/** One device identity of an uplink: a LoRaWAN DevEUI or a wM-Bus address. */
export type DeviceIdentity = { devEui: string } | { wmbus: WmbusIdentity };

/** The cache key of an identity: `lora:<lower-case devEui>` or `wmbus:<MAN>:<id>`. */
export function deviceKey(identity: DeviceIdentity): string {
  return 'devEui' in identity ? `lora:${identity.devEui.toLowerCase()}` : `wmbus:${wmbusKey(identity.wmbus)}`;
}
