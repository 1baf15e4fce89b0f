import { createHash } from 'node:crypto';
import type { CodecError, DecodedPayload } from '@app/codecs';
import { wmbusKey } from '@app/contracts';
import type { CommandOutcomeEvent, DeviceResolution, KnownDevice } from '@app/contracts';
import { commandUpdate, dedupeKey } from '../events/classify';
import type { DeadLetterCode, ParseLimits } from '../events/dead-letter';
import type { ChirpStackEvent, EventName, RxInfo, UplinkEvent } from '../events/event-types';
import { parseEvent } from '../events/parse-event';
import { parseTopic } from '../events/topic';
import { deviceKey } from '../devices/device-keys';
import type { DeviceIdentity } from '../devices/device-keys';
import { WMBUS_BRIDGE_CODEC, decodeBridgedTelegram, decodeLorawan, hasApplicationData, telegramAddress } from './decode';
import type { PayloadDecode } from './decode';
import { NIL_UUID, boundedInt, emptyRows, eventTime, finiteOrNull, int16OrNull } from './rows';
import type { DecodeStatus, GatewaySeenRow, RowTargets, TableRows, UplinkRow } from './rows';

/** One MQTT message as buffered: topic, bytes, receive time (ms). */
export interface IncomingMessage {
  topic: string;
  payload: Buffer;
  receivedAt: number;
}

/** A parsed event with the message it came from. */
export interface ParsedMessage {
  event: ChirpStackEvent;
  topic: string;
  payload: Buffer;
  receivedAt: number;
}

export type DeviceDirectory = (identities: readonly DeviceIdentity[]) => Promise<Map<string, DeviceResolution>>;

/**
 * What a batch turned into: rows per table (collected, or encoded as they come: `RowTargets`), downlink outcomes,
 * devices heard, and counts for metrics.
 */
export interface BatchResult<R extends RowTargets = TableRows> {
  rows: R;
  outcomes: CommandOutcomeEvent[];
  /** devEui -> ChirpStack application id, for the devices of known meters heard in this batch. */
  applications: Map<string, string>;
  decoded: EventName[];
  deadLetterCodes: string[];
  /** Codec error codes of payloads a codec refused. */
  codecFailures: string[];
}

/** Messages processed between two yields to the event loop (about 25 ms of work). */
const YIELD_EVERY = 500;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The code of a dead letter whose payload a codec refused (besides the parser's DeadLetterCode). */
export const CODEC_REJECTED = 'CODEC_REJECTED';

export function emptyResult(): BatchResult;
export function emptyResult<R extends RowTargets>(rows: R): BatchResult<R>;
export function emptyResult(rows: RowTargets = emptyRows()): BatchResult<RowTargets> {
  return { rows, outcomes: [], applications: new Map(), decoded: [], deadLetterCodes: [], codecFailures: [] };
}

/** Stable id of a message: equal for a redelivery of the same bytes on the same topic. */
export function messageId(topic: string, payload: Buffer): string {
  return createHash('sha1').update(topic).update('\0').update(payload).digest('hex');
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

/** The key a redelivery of an event shares: ChirpStack's deduplicationId where it identifies the event, else ours. */
function uplinkDedupId(e: ChirpStackEvent): string {
  switch (e.event) {
    case 'up':
    case 'join':
    case 'status':
    case 'location':
      return e.deduplicationId;
    default:
      return dedupeKey(e);
  }
}

/** Best gateway first: highest SNR, then RSSI (ChirpStack's own ordering for downlink gateway selection). */
function byQuality(a: RxInfo, b: RxInfo): number {
  return b.snr - a.snr || b.rssi - a.rssi;
}

/** One batch's state across its messages. */
class BatchState {
  readonly gateways = new Map<string, GatewaySeenRow>();
  readonly bridged: PendingBridge[] = [];
  constructor(readonly devices: Map<string, DeviceResolution>) {}
}

interface PendingBridge {
  item: ParsedMessage;
  event: UplinkEvent;
  bridge: KnownDevice;
  uplink: UplinkRow;
  identity: DeviceIdentity;
  time: Date;
}

/**
 * Turns buffered messages into table rows: parse (or dead-letter), resolve devices (one lookup per batch),
 * decode uplinks with the device's codec (bridged wM-Bus telegrams with the named meter's key), and build
 * uplinks / readings / device_status / gateway_last_seen rows; events of unresolved devices become unassigned
 * rows. Pure apart from the device lookup: the same messages give the same rows (except `version`).
 */
export class BatchProcessor {
  constructor(
    private readonly resolve: DeviceDirectory,
    private readonly limits: ParseLimits,
  ) {}

  /**
   * Buffered messages to rows. The devices are resolved first, from the topics (one lookup for the batch); then each
   * message is parsed and turned into rows at once, so with encoding targets a parsed event lives only as long as
   * its own message's work.
   */
  async processMessages<R extends RowTargets>(messages: readonly IncomingMessage[], version: number, result: BatchResult<R>): Promise<BatchResult<R>>;
  async processMessages(messages: readonly IncomingMessage[], version: number): Promise<BatchResult>;
  async processMessages(messages: readonly IncomingMessage[], version: number, result: BatchResult<RowTargets> = emptyResult()): Promise<BatchResult<RowTargets>> {
    const devEuis = new Set<string>();
    const topics = messages.map((m) => parseTopic(m.topic));
    for (const topic of topics) if (topic.ok) devEuis.add(topic.devEui);
    const batch = new BatchState(await this.resolveDevEuis(devEuis));
    for (let i = 0; i < messages.length; i++) {
      // A batch is thousands of messages (hundreds of milliseconds of work): let the broker connection be read and
      // acknowledged in between, or the publishers stall while the drain runs and the two never overlap.
      if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
      const m = messages[i] as IncomingMessage;
      const outcome = parseEvent(m.topic, m.payload, this.limits, topics[i]);
      if (outcome.ok) this.processEvent({ event: outcome.event, topic: m.topic, payload: m.payload, receivedAt: m.receivedAt }, batch, result, version);
      else this.deadLetter(result, m, NIL_UUID, outcome.reason.code, outcome.reason.field, outcome.reason.message, version);
    }
    await this.finishBatch(batch, result, version);
    return result;
  }

  /** Messages the buffer holds that are not buffered messages at all (never written by this version). */
  deadLetterUnreadable(result: BatchResult<RowTargets>, receivedAt: number, payload: Buffer, version: number): void {
    this.deadLetter(result, { topic: '', payload, receivedAt }, NIL_UUID, 'NOT_AN_EVENT_TOPIC' satisfies DeadLetterCode, 'topic', 'unreadable write-ahead buffer record', version);
  }

  /** Events parsed beforehand (re-decoding, reprocessing) to rows, collected. */
  async processEvents(items: readonly ParsedMessage[], version: number): Promise<BatchResult> {
    const result = emptyResult();
    if (items.length === 0) return result;
    const batch = new BatchState(await this.resolveDevEuis(new Set(items.map((i) => i.event.devEui))));
    for (const item of items) this.processEvent(item, batch, result, version);
    await this.finishBatch(batch, result, version);
    return result;
  }

  private async resolveDevEuis(devEuis: ReadonlySet<string>): Promise<Map<string, DeviceResolution>> {
    return devEuis.size === 0 ? new Map() : this.resolve([...devEuis].map((devEui) => ({ devEui })));
  }

  private processEvent(item: ParsedMessage, batch: BatchState, result: BatchResult<RowTargets>, version: number): void {
    const e = item.event;
    const device = batch.devices.get(deviceKey({ devEui: e.devEui })) ?? { state: 'unknown' as const };
    if (device.state !== 'known') {
      this.unassigned(result, item, device.state, version);
      return;
    }
    result.decoded.push(e.event);
    result.applications.set(e.devEui, e.applicationId);
    const time = eventTime(e.time?.epochMs, item.receivedAt);
    const uplink = this.uplinkRow(item, device.tenantId, time, version);
    const update = commandUpdate(e);
    if (update) {
      result.outcomes.push({
        commandId: update.queueItemId,
        devEui: e.devEui,
        applicationId: e.applicationId,
        outcome: update.outcome,
        ...(update.reason ? { reason: update.reason } : {}),
        at: time.toISOString(),
      });
    }
    if (e.event === 'status') {
      const battery = e.batteryLevelUnavailable || e.externalPowerSource ? null : finiteOrNull(e.batteryLevel);
      result.rows.device_status.push(this.statusRow(device, e.devEui, time, item.receivedAt, 0, [], undefined, 0, battery, null, version));
    }
    if (e.event !== 'up') {
      result.rows.uplinks.push(uplink);
      return;
    }
    this.noteGateways(batch.gateways, device.tenantId, e, time);
    if (device.codecId === WMBUS_BRIDGE_CODEC && hasApplicationData(e.fPort, e.data)) {
      const address = telegramAddress(e.data);
      if (address.ok) {
        batch.bridged.push({ item, event: e, bridge: device, uplink, identity: { wmbus: address.identity }, time });
        return;
      }
      this.finishUplink(result, item, uplink, device, { status: 'failed', error: address.error }, undefined, time, version);
      return;
    }
    const decode = decodeLorawan(device.codecId, e.fPort, e.data, e.time?.text);
    this.finishUplink(result, item, uplink, device, decode, undefined, time, version);
  }

  /** What waits for the whole batch: bridged telegrams (a second lookup, by wM-Bus address) and gateway last-seen. */
  private async finishBatch(batch: BatchState, result: BatchResult<RowTargets>, version: number): Promise<void> {
    if (batch.bridged.length > 0) await this.processBridged(batch.bridged, result, version);
    if (batch.gateways.size > 0) result.rows.gateway_last_seen.push(...batch.gateways.values());
  }

  private async processBridged(pending: readonly PendingBridge[], result: BatchResult<RowTargets>, version: number): Promise<void> {
    const meters = await this.resolve(pending.map((p) => p.identity));
    for (const p of pending) {
      const address = 'wmbus' in p.identity ? wmbusKey(p.identity.wmbus) : '';
      const meter = meters.get(deviceKey(p.identity));
      // A bridge attributes telegrams only to meters of its own tenant.
      if (!meter || meter.state !== 'known' || meter.tenantId !== p.bridge.tenantId) {
        p.uplink.decode_status = 'unknown_meter';
        p.uplink.decode_error = `wM-Bus meter ${address} is not registered to this tenant`;
        p.uplink.codec = WMBUS_BRIDGE_CODEC;
        result.rows.uplinks.push(p.uplink);
        result.rows.device_status.push(this.radioStatusRow(p.bridge, p.event, p.time, p.item.receivedAt, undefined, version));
        continue;
      }
      const decode = decodeBridgedTelegram(p.event.data, meter.aesKey);
      this.finishUplink(result, p.item, p.uplink, p.bridge, decode, { meter, address }, p.time, version);
    }
  }

  /** Fills in the uplink's decode outcome and writes its readings, status and (for a refusal) dead letter. */
  private finishUplink(
    result: BatchResult<RowTargets>,
    item: ParsedMessage,
    uplink: UplinkRow,
    device: KnownDevice,
    decode: PayloadDecode,
    bridged: { meter: KnownDevice; address: string } | undefined,
    time: Date,
    version: number,
  ): void {
    const e = item.event as UplinkEvent;
    uplink.decode_status = decode.status as DecodeStatus;
    uplink.codec = bridged ? WMBUS_BRIDGE_CODEC : (device.codecId ?? '');
    let decoded: DecodedPayload | undefined;
    if (decode.status === 'ok') {
      decoded = decode.decoded;
      uplink.codec = decoded.codec;
      const owner = bridged?.meter ?? device;
      this.readings(result, decoded, owner, bridged ? bridged.address : e.devEui, bridged ? 'wmbus' : 'lorawan', item, time, version);
    } else if (decode.status === 'failed') {
      uplink.decode_error = `${decode.error.code}: ${decode.error.message}`;
      this.codecRejected(result, item, device.tenantId, decode.error, version);
    }
    result.rows.uplinks.push(uplink);
    result.rows.device_status.push(this.radioStatusRow(device, e, time, item.receivedAt, decoded, version));
  }

  private readings(result: BatchResult<RowTargets>, decoded: DecodedPayload, owner: KnownDevice, address: string, source: string, item: ParsedMessage, time: Date, version: number): void {
    if (decoded.measurements.length === 0) return;
    result.rows.readings.push({
      tenant_id: owner.tenantId,
      device_id: owner.meterId,
      device_address: address,
      uplink_ms: time.getTime(),
      received_ms: item.receivedAt,
      codec: decoded.codec,
      source,
      deduplication_id: (item.event as UplinkEvent).deduplicationId,
      version,
      measurements: decoded.measurements,
    });
  }

  private uplinkRow(item: ParsedMessage, tenantId: string, time: Date, version: number): UplinkRow {
    const e = item.event;
    const up = e.event === 'up' ? e : undefined;
    return {
      tenant_id: tenantId,
      dev_eui: e.devEui,
      ts: time,
      received_at: new Date(item.receivedAt),
      event: e.event,
      deduplication_id: uplinkDedupId(e),
      f_cnt: up ? up.fCnt : 0,
      f_port: up ? boundedInt(up.fPort, 255) : 0,
      payload_hex: up ? hex(up.data) : '',
      raw: item.payload,
      decode_status: 'not_applicable',
      decode_error: '',
      codec: '',
      version,
    };
  }

  private radioStatusRow(device: KnownDevice, e: UplinkEvent, time: Date, receivedAt: number, decoded: DecodedPayload | undefined, version: number) {
    const gateways = [...e.rxInfo].sort(byQuality);
    const best = gateways[0];
    return this.statusRow(
      device,
      e.devEui,
      time,
      receivedAt,
      e.fCnt,
      gateways.map((g) => g.gatewayId),
      best,
      e.txInfo?.frequency ?? 0,
      finiteOrNull(decoded?.device?.batteryPercent),
      finiteOrNull(decoded?.device?.batteryVoltage),
      version,
      e.dr,
    );
  }

  private statusRow(
    device: KnownDevice,
    devEui: string,
    time: Date,
    receivedAt: number,
    fCnt: number,
    gatewayIds: string[],
    best: RxInfo | undefined,
    frequency: number,
    batteryPercent: number | null,
    batteryVoltage: number | null,
    version: number,
    dr = 0,
  ) {
    return {
      tenant_id: device.tenantId,
      device_id: device.meterId,
      dev_eui: devEui,
      ts: time,
      received_at: new Date(receivedAt),
      f_cnt: fCnt,
      rssi: int16OrNull(best?.rssi),
      snr: finiteOrNull(best?.snr),
      gateway_count: Math.min(gatewayIds.length, 0xffff),
      gateway_ids: gatewayIds,
      frequency: boundedInt(frequency, 0xffff_ffff),
      dr: boundedInt(dr, 255),
      battery_percent: batteryPercent,
      battery_voltage: batteryVoltage,
      version,
    };
  }

  private noteGateways(gateways: Map<string, GatewaySeenRow>, tenantId: string, e: UplinkEvent, time: Date): void {
    for (const rx of e.rxInfo) {
      const key = `${tenantId}/${rx.gatewayId}`;
      const seen = gateways.get(key);
      if (seen && seen.last_seen >= time) continue;
      gateways.set(key, { tenant_id: tenantId, gateway_id: rx.gatewayId, last_seen: time, dev_eui: e.devEui, rssi: int16OrNull(rx.rssi), snr: finiteOrNull(rx.snr) });
    }
  }

  private unassigned(result: BatchResult<RowTargets>, item: ParsedMessage, reason: 'unknown' | 'archived' | 'ambiguous', version: number): void {
    const e = item.event;
    const up = e.event === 'up' ? e : undefined;
    result.rows.unassigned_uplinks.push({
      dev_eui: e.devEui,
      application_id: e.applicationId,
      ts: eventTime(e.time?.epochMs, item.receivedAt),
      received_at: new Date(item.receivedAt),
      event: e.event,
      deduplication_id: uplinkDedupId(e),
      f_cnt: up ? up.fCnt : 0,
      f_port: up ? boundedInt(up.fPort, 255) : 0,
      payload_hex: up ? hex(up.data) : '',
      topic: item.topic,
      raw: item.payload,
      reason,
      assigned: 0,
      version,
    });
  }

  private codecRejected(result: BatchResult<RowTargets>, item: ParsedMessage, tenantId: string, error: CodecError, version: number): void {
    result.codecFailures.push(error.code);
    this.deadLetter(result, item, tenantId, CODEC_REJECTED, 'data', `${error.code}: ${error.message}`, version);
  }

  private deadLetter(result: BatchResult<RowTargets>, m: { topic: string; payload: Buffer; receivedAt: number }, tenantId: string, code: string, field: string, message: string, version: number): void {
    const topic = parseTopic(m.topic);
    result.deadLetterCodes.push(code);
    result.rows.dead_letters.push({
      tenant_id: tenantId,
      id: messageId(m.topic, m.payload),
      received_at: new Date(m.receivedAt),
      topic: m.topic,
      dev_eui: topic.ok ? topic.devEui : '',
      event: topic.ok ? topic.event : '',
      code,
      field,
      message: message.slice(0, 2000),
      raw_base64: m.payload.toString('base64'),
      version,
    });
  }
}
