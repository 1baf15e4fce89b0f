/** Value encodings of EMU Professional II registers, as EMU's decoder names them. */
export type EmuType = 'u8' | 'i8' | 'u16' | 'i32' | 'u32' | 'u64' | 'error' | 'serial' | 'bcd' | 'ascii';

export interface EmuRegister {
  name: string;
  type: EmuType;
  unit?: string;
  /** Scale and decimals of the decoded value (the raw value is kept as `value_raw`). */
  factor?: number;
  fixed?: number;
  unitCalculated?: string;
  phase?: number;
  tariff?: number;
}

const reg = (name: string, type: EmuType, extra: Omit<EmuRegister, 'name' | 'type'> = {}): EmuRegister => ({ name, type, ...extra });
const ENERGY = ['Active Energy Import', 'Active Energy Export', 'Reactive Energy Import', 'Reactive Energy Export'];

/** Register id -> definition (EMU Professional II LoRa, TTN codec `profii-lp-codec_generic.js`). */
export const REGISTERS = new Map<number, EmuRegister>([
  [0x00, reg('data-logger-index', 'u32')],
  [0x01, reg('timestamp', 'u32', { unit: 'seconds' })],
  [0x02, reg('timestamp-previous', 'u32', { unit: 'seconds' })],
  [0x0b, reg('Active Power L123', 'i32', { unit: 'W' })],
  [0x0c, reg('Active Power L1', 'i32', { unit: 'W', phase: 1 })],
  [0x0d, reg('Active Power L2', 'i32', { unit: 'W', phase: 2 })],
  [0x0e, reg('Active Power L3', 'i32', { unit: 'W', phase: 3 })],
  [0x0f, reg('Current L123', 'i32', { unit: 'mA' })],
  [0x10, reg('Current L1', 'i32', { unit: 'mA', phase: 1 })],
  [0x11, reg('Current L2', 'i32', { unit: 'mA', phase: 2 })],
  [0x12, reg('Current L3', 'i32', { unit: 'mA', phase: 3 })],
  [0x13, reg('Current N', 'i32', { unit: 'mA', phase: 4 })],
  [0x14, reg('Voltage L1-N', 'i32', { unit: 'V/10', unitCalculated: 'V', factor: 0.1, fixed: 1, phase: 1 })],
  [0x15, reg('Voltage L2-N', 'i32', { unit: 'V/10', unitCalculated: 'V', factor: 0.1, fixed: 1, phase: 2 })],
  [0x16, reg('Voltage L3-N', 'i32', { unit: 'V/10', unitCalculated: 'V', factor: 0.1, fixed: 1, phase: 3 })],
  [0x17, reg('Powerfactor L1', 'i8', { unit: 'Cos', factor: 0.01, fixed: 2, phase: 1 })],
  [0x18, reg('Powerfactor L2', 'i8', { unit: 'Cos', factor: 0.01, fixed: 2, phase: 2 })],
  [0x19, reg('Powerfactor L3', 'i8', { unit: 'Cos', factor: 0.01, fixed: 2, phase: 3 })],
  [0x1a, reg('Frequency', 'u16', { unit: 'Hz', factor: 0.1, fixed: 1 })],
  [0x1b, reg('Active Power average', 'i32', { unit: 'W' })],
  [0xf0, reg('errorcode', 'error')],
  [0xf1, reg('serial-number', 'serial')],
  [0xf2, reg('factor-number', 'serial')],
  [0xf3, reg('current-transformer primary', 'u16')],
  [0xf4, reg('current-transformer secondary', 'u16')],
  [0xf5, reg('voltage-transformer primary', 'u16')],
  [0xf6, reg('voltage-transformer secondary', 'u16')],
  [0xf7, reg('meter-typ', 'u8')],
  [0xf8, reg('MID year', 'bcd')],
  [0xf9, reg('factory year', 'bcd')],
  [0xfa, reg('firmware version', 'ascii')],
  [0xfb, reg('mid-Version', 'ascii')],
  [0xfc, reg('manufacturer', 'ascii')],
  [0xfd, reg('hw-index', 'ascii')],
  [0xfe, reg('systemtime', 'u32')],
]);

// Energy registers: 0x03-0x0A (Wh/varh, uint32), 0x1C-0x23 (kWh/kvarh, uint32), 0x24-0x2B (Wh/varh, 64 bit).
ENERGY.forEach((what, k) => {
  const reactive = k >= 2;
  for (const tariff of [1, 2]) {
    const i = k * 2 + tariff - 1;
    REGISTERS.set(0x03 + i, reg(`${what} T${tariff}`, 'u32', { unit: reactive ? 'varh' : 'Wh', tariff }));
    REGISTERS.set(0x1c + i, reg(`${what} T${tariff} ${reactive ? 'kvarh' : 'kWh'}`, 'u32', { unit: reactive ? 'kvarh' : 'kWh', tariff }));
    REGISTERS.set(0x24 + i, reg(`${what} T${tariff} 64bit`, 'u64', { unit: reactive ? 'varh' : 'Wh', tariff }));
  }
});

/** OBIS-style register of an energy description ("Active Energy Import T1" -> "1.8.1"). */
export function energyObis(name: string, tariff: number): string {
  const kind = name.startsWith('Active Energy Import') ? 1 : name.startsWith('Active Energy Export') ? 2 : name.startsWith('Reactive Energy Import') ? 3 : 4;
  return `${kind}.8.${tariff}`;
}

/** CRC-8, polynomial 0x07, initial value 0 (the checksum closing every EMU uplink). */
export function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
