import { bcdLE, decodeDataRecords, recordsToMeasurements } from '../../mbus';
import type { DeviceStatus, Measurement } from '../../types';
import { isoOfText } from '../iso-time';

/**
 * The canonical part of an Elvaco CMi41xx "Standard" message: the bytes after the message-format
 * byte are an EN 13757-3 record block, decoded by the shared M-Bus layer (libs/codecs/src/mbus),
 * so BCD, binary and scaling are read as the standard says, not as the vendor scripts do.
 * The meter's serial comes from the fabrication-number record (VIF 0x78) or the enhanced
 * identification record (VIF 0x79: BCD ID, manufacturer, version, medium); the error-flag
 * record (FD 17) is meter-specific, so it is kept as `device.errorFlags` without guessing alarms.
 */
const MEDIA: Readonly<Record<number, string>> = {
  0x04: 'heat',
  0x0a: 'cooling',
  0x0b: 'cooling',
  0x0c: 'heat',
  0x0d: 'heat/cooling',
};

/** EN 13757-3 / EN 62056-21 manufacturer code: three letters of 5 bits each. */
export function manufacturerCode(code: number): string {
  return String.fromCharCode(((code >> 10) & 0x1f) + 64, ((code >> 5) & 0x1f) + 64, (code & 0x1f) + 64);
}

export interface ElvacoCanonical {
  measurements: Measurement[];
  device: DeviceStatus;
}

export function elvacoCanonical(bytes: Uint8Array, formatByte: number): ElvacoCanonical {
  const records = decodeDataRecords(bytes.subarray(1));
  const measurements = recordsToMeasurements(records);
  // The measurements are new objects: their M-Bus times become ISO-8601 in place.
  for (const m of measurements) if (m.at) m.at = isoOfText(m.at);
  const device: DeviceStatus = { messageFormat: formatByte };
  for (const r of records) {
    if (r.quantity === 'fabrication_no' && r.text) device.serial = r.text;
    if (r.quantity === 'enhanced_id' && r.data.length >= 8) {
      const id = bcdLE(r.data, 0, 4);
      if (Number.isFinite(id)) device.serial = String(id).padStart(8, '0');
      device.manufacturer = manufacturerCode(r.data[4] | (r.data[5] << 8));
      device.version = r.data[6];
      device.deviceType = MEDIA[r.data[7]] ?? `0x${r.data[7].toString(16).padStart(2, '0')}`;
    }
    if (r.quantity === 'error_flags' && typeof r.value === 'number') device.errorFlags = r.value;
  }
  return { measurements, device };
}
