/**
 * EN 13757-3 application layer: data records (DIF/DIFE/VIF/VIFE + data), usable on its own
 * (wired M-Bus, wireless M-Bus, and LoRaWAN devices that carry bare M-Bus records).
 */
export { DataRecord, decodeDataRecords, bcdLE, hexOf, recordFormatBytes, expandCompactFrame } from './records';
export type { MbusRecord, MbusFunction, MbusDataType, MbusProfile, DecodeRecordsOptions } from './records';
export { recordsToMeasurements, recordRegister } from './measurements';
export { decodeTypeF, decodeTypeG, decodeTypeI, decodeTypeJ, decodeMbusDate, formatMbusDate, mbusDateToIso, daysInMonth, isLeapYear, isoFromParts } from './dates';
export type { MbusDateTime } from './dates';
export { PRIMARY_VIFS, FD_VIFS, FB_VIFS, COMBINABLE_VIFES } from './vif';
export type { VifInfo, VifKind, VifeInfo } from './vif';
