/**
 * Wireless M-Bus (EN 13757-4/-7, OMS) and wired M-Bus (EN 13757-2) decoding on top of the
 * EN 13757-3 application layer in `../mbus`.
 */
export { decodeWmbus, parseTelegram, selectDriver, describeStatusByte } from './decode';
export type { WmbusOptions } from './decode';
export type { ParsedTelegram, TplHeader, EllHeader, AflHeader, Protection } from './telegram';
export { crc16En13757 } from './crc';
export { manufacturerCode, manufacturerField, deviceTypeName, stripDllCrcs, parseDll } from './link';
export type { CrcFormat, DllHeader } from './link';
export { DRIVERS } from './drivers';
export type { WmbusDriver, DriverContext } from './drivers/types';
