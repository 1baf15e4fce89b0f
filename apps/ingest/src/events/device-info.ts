import type { DeviceClass, DeviceInfo } from './event-types';
import type { EventTopic } from './topic';
import { reject, readEnum, readObject, readRequiredString, readString, readStringMap } from './fields';
import type { JsonObject } from './fields';

const DEVICE_CLASSES: ReadonlySet<string> = new Set<DeviceClass>(['CLASS_A', 'CLASS_B', 'CLASS_C']);
const P = 'deviceInfo';

/**
 * `deviceInfo` (chirpstack.md 2.1), present on every device event. Its devEui and applicationId must be the
 * topic's (compared lowercase): a message published under another device's topic is TOPIC_MISMATCH.
 */
export function readDeviceInfo(root: JsonObject, topic: EventTopic): DeviceInfo {
  const o = readObject(root, P, '') ?? reject('MISSING_FIELD', P, 'deviceInfo is required');
  const devEui = readRequiredString(o, 'devEui', P).toLowerCase();
  if (devEui !== topic.devEui) {
    reject('TOPIC_MISMATCH', 'deviceInfo.devEui', `deviceInfo.devEui ${devEui.slice(0, 32)} is not the topic's DevEUI ${topic.devEui}`);
  }
  const applicationId = readRequiredString(o, 'applicationId', P).toLowerCase();
  if (applicationId !== topic.applicationId) {
    reject(
      'TOPIC_MISMATCH',
      'deviceInfo.applicationId',
      `deviceInfo.applicationId ${applicationId.slice(0, 40)} is not the topic's application ${topic.applicationId}`,
    );
  }
  const info: DeviceInfo = {
    tenantId: readRequiredString(o, 'tenantId', P),
    tenantName: readString(o, 'tenantName', P),
    applicationId,
    applicationName: readString(o, 'applicationName', P),
    deviceProfileId: readString(o, 'deviceProfileId', P),
    deviceProfileName: readString(o, 'deviceProfileName', P),
    deviceName: readString(o, 'deviceName', P),
    devEui,
    tags: readStringMap(o, 'tags', P),
  };
  if (o.deviceClassEnabled !== undefined && o.deviceClassEnabled !== null) {
    info.deviceClassEnabled = readEnum<DeviceClass>(o, 'deviceClassEnabled', P, DEVICE_CLASSES, 'CLASS_A');
  }
  return info;
}
