import type { AckEvent, DeviceInfo, JoinEvent, LocationEvent, LogEvent, LogLevel, StatusEvent, TxAckEvent } from './event-types';
import type { EventTopic } from './topic';
import {
  readBoolean,
  readEnum,
  readInt32,
  readNumber,
  readObject,
  readRequiredString,
  readString,
  readStringMap,
  readTimestamp,
  readUint32,
} from './fields';
import type { JsonObject } from './fields';
import { readDownlinkTxInfo, readLocation } from './radio-info';

/** The events other than `up` (chirpstack.md 2.3-2.8). */
function base(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo) {
  const time = readTimestamp(root, 'time', '');
  return { applicationId: topic.applicationId, devEui: topic.devEui, deviceInfo, ...(time ? { time } : {}) };
}

export function readJoin(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo): JoinEvent {
  return {
    event: 'join',
    ...base(root, topic, deviceInfo),
    deduplicationId: readRequiredString(root, 'deduplicationId', ''),
    devAddr: readString(root, 'devAddr', '').toLowerCase(),
    regionConfigId: readString(root, 'regionConfigId', ''),
    relayed: readObject(root, 'relayRxInfo', '') !== undefined,
  };
}

export function readStatus(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo): StatusEvent {
  return {
    event: 'status',
    ...base(root, topic, deviceInfo),
    deduplicationId: readRequiredString(root, 'deduplicationId', ''),
    margin: readInt32(root, 'margin', ''),
    externalPowerSource: readBoolean(root, 'externalPowerSource', ''),
    batteryLevelUnavailable: readBoolean(root, 'batteryLevelUnavailable', ''),
    batteryLevel: readNumber(root, 'batteryLevel', ''),
  };
}

/** `ack`: deduplicationId is "" when a timeout rather than an uplink produced it. */
export function readAck(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo): AckEvent {
  return {
    event: 'ack',
    ...base(root, topic, deviceInfo),
    deduplicationId: readString(root, 'deduplicationId', ''),
    queueItemId: readRequiredString(root, 'queueItemId', ''),
    acknowledged: readBoolean(root, 'acknowledged', ''),
    fCntDown: readUint32(root, 'fCntDown', ''),
  };
}

export function readTxAck(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo): TxAckEvent {
  const txInfo = readDownlinkTxInfo(root);
  return {
    event: 'txack',
    ...base(root, topic, deviceInfo),
    downlinkId: readUint32(root, 'downlinkId', ''),
    queueItemId: readRequiredString(root, 'queueItemId', ''),
    fCntDown: readUint32(root, 'fCntDown', ''),
    gatewayId: readString(root, 'gatewayId', '').toLowerCase(),
    ...(txInfo ? { txInfo } : {}),
  };
}

const LOG_LEVELS: ReadonlySet<string> = new Set<LogLevel>(['INFO', 'WARNING', 'ERROR']);

/** `log`: no deduplicationId field; context.deduplication_id and context.queue_item_id are lifted out. */
export function readLog(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo): LogEvent {
  const context = readStringMap(root, 'context', '');
  const event: LogEvent = {
    event: 'log',
    ...base(root, topic, deviceInfo),
    level: readEnum<LogLevel>(root, 'level', '', LOG_LEVELS, 'INFO'),
    code: readString(root, 'code', '') || 'UNKNOWN',
    description: readString(root, 'description', ''),
    context,
  };
  if (context.queue_item_id) event.queueItemId = context.queue_item_id;
  if (context.deduplication_id) event.deduplicationId = context.deduplication_id;
  return event;
}

export function readLocationEvent(root: JsonObject, topic: EventTopic, deviceInfo: DeviceInfo): LocationEvent {
  const location = readLocation(root, 'location', '');
  return {
    event: 'location',
    ...base(root, topic, deviceInfo),
    deduplicationId: readRequiredString(root, 'deduplicationId', ''),
    ...(location ? { location } : {}),
  };
}
