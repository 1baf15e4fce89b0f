import type { DeviceInfo, UplinkEvent } from './event-types';
import type { ParseLimits } from './dead-letter';
import type { EventTopic } from './topic';
import { readBoolean, readBytes, readInteger, readObject, readRequiredString, readString, readTimestamp, readUint32 } from './fields';
import type { JsonObject } from './fields';
import { readRxInfo, readUplinkTxInfo } from './radio-info';

/**
 * `up` (chirpstack.md 2.2). fCnt and dr may be absent (before v4.1.0 zeros were dropped) and read as 0;
 * `object` is passed through untouched when present (a google.protobuf.Struct: numbers are doubles).
 */
export function readUplink(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo, limits: ParseLimits): UplinkEvent {
  const event: UplinkEvent = {
    event: 'up',
    applicationId: topic.applicationId,
    devEui: topic.devEui,
    deviceInfo,
    deduplicationId: readRequiredString(root, 'deduplicationId', ''),
    devAddr: readString(root, 'devAddr', '').toLowerCase(),
    adr: readBoolean(root, 'adr', ''),
    dr: readInteger(root, 'dr', '', 0, 15),
    fCnt: readUint32(root, 'fCnt', ''),
    fPort: readInteger(root, 'fPort', '', 0, 255),
    confirmed: readBoolean(root, 'confirmed', ''),
    data: readBytes(root, 'data', '', limits.maxFramePayloadBytes),
    rxInfo: readRxInfo(root),
    regionConfigId: readString(root, 'regionConfigId', ''),
    relayed: readObject(root, 'relayRxInfo', '') !== undefined,
    dataEncrypted: readObject(root, 'joinServerContext', '') !== undefined,
  };
  const time = readTimestamp(root, 'time', '');
  if (time) event.time = time;
  const object = readObject(root, 'object', '');
  if (object) event.object = object;
  const txInfo = readUplinkTxInfo(root);
  if (txInfo) event.txInfo = txInfo;
  return event;
}
