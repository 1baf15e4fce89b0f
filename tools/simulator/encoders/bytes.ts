/** Little helpers to lay out payload bytes. */
export const u16le = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
export const u32le = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
export const u32be = (v: number): number[] => u32le(v).reverse();
export const i16le = (v: number): number[] => u16le(v < 0 ? v + 0x10000 : v);
export const i32le = (v: number): number[] => u32le(v < 0 ? v + 0x100000000 : v);

/** `bytes` BCD bytes of `v`, least significant byte first (M-Bus). */
export function bcdLE(v: number, bytes: number): number[] {
  const out: number[] = [];
  let rest = Math.floor(Math.abs(v));
  for (let i = 0; i < bytes; i++) {
    const lo = rest % 10;
    const hi = Math.floor(rest / 10) % 10;
    out.push((hi << 4) | lo);
    rest = Math.floor(rest / 100);
  }
  return out;
}

export function ascii(text: string, length: number): number[] {
  const out = new Array<number>(length).fill(0);
  for (let i = 0; i < Math.min(length, text.length); i++) out[i] = text.charCodeAt(i) & 0x7f;
  return out;
}

/** A uint32 register clamped to its range (registers wrap on real meters; the simulator never gets there). */
export const clampU32 = (v: number): number => Math.max(0, Math.min(0xffffffff, Math.floor(v)));

/** CRC-8, polynomial 0x07, initial value 0 (EMU uplinks). */
export function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
