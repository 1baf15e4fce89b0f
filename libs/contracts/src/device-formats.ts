/** Formats of device identifiers and values, checked at every edge (HTTP and RPC DTOs). */
export const DeviceFormats = {
  eui: /^[0-9a-fA-F]{16}$/,
  aesKey: /^[0-9a-fA-F]{32}$/,
  wmbusManufacturer: /^[A-Za-z]{3}$/,
  wmbusId: /^[0-9]{8}$/,
  /** Non-negative decimal text: up to 18 integer and 6 fractional digits. */
  decimal: /^[0-9]{1,18}(\.[0-9]{1,6})?$/,
} as const;
