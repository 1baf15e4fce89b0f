/**
 * ChirpStack v4 integration events, normalized (chirpstack.md section 2). Fields ChirpStack omits when they hold
 * their default (nested gw/common messages, pre-4.1 fCnt/dr) are filled with that default here; message-typed
 * fields ChirpStack sends only when set (`time`, `object`, `txInfo`, `location`, ...) stay optional.
 */

/** The `{{event}}` values of the event topic. Wire names: add, never rename. */
export const EVENT_NAMES = ['up', 'join', 'status', 'ack', 'txack', 'log', 'location'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/**
 * An RFC 3339 timestamp: the original text (up to nanoseconds, `+00:00` offset as ChirpStack writes it) and epoch
 * milliseconds (fraction truncated; `new Date(epochMs).toISOString()` gives the ISO form in UTC).
 */
export interface Timestamp {
  text: string;
  epochMs: number;
}

export type DeviceClass = 'CLASS_A' | 'CLASS_B' | 'CLASS_C';

export interface DeviceInfo {
  tenantId: string;
  tenantName: string;
  applicationId: string;
  applicationName: string;
  deviceProfileId: string;
  deviceProfileName: string;
  deviceName: string;
  /** Lowercase hex. */
  devEui: string;
  /** Since v4.4.0. */
  deviceClassEnabled?: DeviceClass;
  /** Application, device-profile and device tags merged. */
  tags: Record<string, string>;
}

/** `common.Location`; `source` is a `common.LocationSource` name (UNKNOWN when omitted). */
export interface Location {
  latitude: number;
  longitude: number;
  altitude: number;
  source: string;
  accuracy: number;
}

export type CrcStatus = 'NO_CRC' | 'BAD_CRC' | 'CRC_OK';

/** One gateway that heard the uplink (`gw.UplinkRxInfo`). */
export interface RxInfo {
  gatewayId: string;
  uplinkId: number;
  rssi: number;
  /** dB; ChirpStack omits 0. */
  snr: number;
  channel: number;
  rfChain: number;
  board: number;
  antenna: number;
  crcStatus: CrcStatus;
  gwTime?: Timestamp;
  nsTime?: Timestamp;
  location?: Location;
  metadata: Record<string, string>;
}

export type Modulation =
  | { type: 'lora'; bandwidth: number; spreadingFactor: number; codeRate: string }
  | { type: 'fsk'; frequencyDeviation: number; datarate: number }
  | { type: 'lrFhss'; operatingChannelWidth: number; codeRate: string; gridSteps: number };

/** `gw.UplinkTxInfo`. */
export interface UplinkTxInfo {
  frequency: number;
  modulation?: Modulation;
}

/** `gw.DownlinkTxInfo` (the parts a head-end uses). */
export interface DownlinkTxInfo {
  frequency: number;
  power: number;
  modulation?: Modulation;
}

/** What every device event carries: the topic's ids (checked against `deviceInfo`) and `deviceInfo`. */
interface DeviceEventBase {
  /** Application UUID from the topic, lowercase. */
  applicationId: string;
  /** DevEUI from the topic, lowercase hex. */
  devEui: string;
  deviceInfo: DeviceInfo;
  time?: Timestamp;
}

export interface UplinkEvent extends DeviceEventBase {
  event: 'up';
  deduplicationId: string;
  devAddr: string;
  adr: boolean;
  dr: number;
  fCnt: number;
  /** 0 for MAC-only frames. */
  fPort: number;
  confirmed: boolean;
  /** The decrypted FRMPayload (still encrypted when `dataEncrypted`). */
  data: Uint8Array;
  /** Codec output (numbers are doubles); absent when there is no codec or it failed. */
  object?: Record<string, unknown>;
  rxInfo: RxInfo[];
  txInfo?: UplinkTxInfo;
  regionConfigId: string;
  /** The frame came through a relay (`relayRxInfo` present). */
  relayed: boolean;
  /** An external Join Server keeps the AppSKey (`joinServerContext` present): `data` is still encrypted. */
  dataEncrypted: boolean;
}

export interface JoinEvent extends DeviceEventBase {
  event: 'join';
  deduplicationId: string;
  devAddr: string;
  regionConfigId: string;
  relayed: boolean;
}

export interface StatusEvent extends DeviceEventBase {
  event: 'status';
  deduplicationId: string;
  /** dB. */
  margin: number;
  externalPowerSource: boolean;
  batteryLevelUnavailable: boolean;
  /** Percent. */
  batteryLevel: number;
}

export interface AckEvent extends DeviceEventBase {
  event: 'ack';
  /** "" when a timeout, not an uplink, produced the event. */
  deduplicationId: string;
  queueItemId: string;
  /** false: the confirmed downlink timed out. */
  acknowledged: boolean;
  fCntDown: number;
}

export interface TxAckEvent extends DeviceEventBase {
  event: 'txack';
  downlinkId: number;
  queueItemId: string;
  fCntDown: number;
  gatewayId: string;
  txInfo?: DownlinkTxInfo;
}

export type LogLevel = 'INFO' | 'WARNING' | 'ERROR';
export const LOG_CODES = [
  'UNKNOWN',
  'DOWNLINK_PAYLOAD_SIZE',
  'UPLINK_CODEC',
  'DOWNLINK_CODEC',
  'OTAA',
  'UPLINK_F_CNT_RESET',
  'UPLINK_MIC',
  'UPLINK_F_CNT_RETRANSMISSION',
  'DOWNLINK_GATEWAY',
  'RELAY_NEW_END_DEVICE',
  'F_CNT_DOWN',
  'EXPIRED',
] as const;
export type LogCode = (typeof LOG_CODES)[number];

export interface LogEvent extends DeviceEventBase {
  event: 'log';
  level: LogLevel;
  /** A LogCode; codes added by later ChirpStack versions pass through as text. */
  code: LogCode | (string & {});
  description: string;
  context: Record<string, string>;
  /** `context.queue_item_id`, when present (DOWNLINK_PAYLOAD_SIZE, EXPIRED, ...). */
  queueItemId?: string;
  /** `context.deduplication_id`, when present (log events have no deduplicationId field). */
  deduplicationId?: string;
}

export interface LocationEvent extends DeviceEventBase {
  event: 'location';
  deduplicationId: string;
  location?: Location;
}

export type ChirpStackEvent = UplinkEvent | JoinEvent | StatusEvent | AckEvent | TxAckEvent | LogEvent | LocationEvent;
