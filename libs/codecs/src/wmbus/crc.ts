/**
 * CRC-16 of EN 13757-4 (polynomial 0x3D65, initial value 0, final complement), table-driven.
 * Used for the DLL block CRCs (sent high byte first), the ELL payload CRC and the compact-frame
 * format signature (both sent low byte first).
 */
const TABLE = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  let c = i << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x3d65) & 0xffff : (c << 1) & 0xffff;
  TABLE[i] = c;
}

export function crc16En13757(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = ((crc << 8) ^ TABLE[((crc >> 8) ^ bytes[i]) & 0xff]) & 0xffff;
  return ~crc & 0xffff;
}
