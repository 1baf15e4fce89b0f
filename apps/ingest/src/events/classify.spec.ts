import { chirpstackFixtures, fixture } from '../../test/chirpstack-fixtures';
import { commandUpdate, dedupeKey } from './classify';
import type { ChirpStackEvent } from './event-types';
import { parseEvent } from './parse-event';

function parsed(name: string, patch: Record<string, unknown> = {}): ChirpStackEvent {
  const f = fixture(name);
  const result = parseEvent(f.topic, Buffer.from(JSON.stringify({ ...f.json, ...patch })));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.reason)}`);
  return result.event;
}

describe('dedupeKey', () => {
  it('is distinct for every fixture', () => {
    const keys = chirpstackFixtures().map((f) => dedupeKey(parsed(f.name)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keys up, join, status and location by event and deduplicationId', () => {
    expect(dedupeKey(parsed('up'))).toBe('up:5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a11');
    expect(dedupeKey(parsed('status'))).toBe('status:bf2a9746-1c8b-49be-a92e-f0b89c8534e4');
    // A status event shares the uplink's deduplicationId: the event name keeps them apart.
    expect(dedupeKey(parsed('status', { deduplicationId: '5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a11' }))).not.toBe(dedupeKey(parsed('up')));
  });

  it('ignores what differs between redeliveries of one event and nothing else', () => {
    expect(dedupeKey(parsed('up', { time: '2026-03-02T10:15:31+00:00' }))).toBe(dedupeKey(parsed('up')));
    expect(dedupeKey(parsed('up', { deduplicationId: '5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a12' }))).not.toBe(dedupeKey(parsed('up')));
    expect(dedupeKey(parsed('txack', { downlinkId: 1 }))).not.toBe(dedupeKey(parsed('txack')));
  });

  it('keys log events by code and the uplink or queue item they are about, else by time and text', () => {
    expect(dedupeKey(parsed('log-retransmission'))).toBe('log:UPLINK_F_CNT_RETRANSMISSION:5b0c7f5e-2f0a-4a52-9d8e-0c1f3f6f1a11');
    expect(dedupeKey(parsed('log-expired'))).toBe('log:EXPIRED:q:3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77');
    expect(dedupeKey(parsed('log-expired', { context: {} }))).toBe(
      'log:EXPIRED:t:2026-03-02T12:00:00.000001+00:00:Device queue-item discarded because it has expired',
    );
  });
});

describe('commandUpdate', () => {
  it('txack: sent; ack: acknowledged, or failed on timeout', () => {
    expect(commandUpdate(parsed('txack'))).toEqual({ queueItemId: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77', outcome: 'sent' });
    expect(commandUpdate(parsed('ack'))).toEqual({ queueItemId: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77', outcome: 'acknowledged' });
    expect(commandUpdate(parsed('ack-timeout'))).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('not acknowledged') });
  });

  it('log about a queue item: EXPIRED expires it, an ERROR fails it, a warning changes nothing', () => {
    expect(commandUpdate(parsed('log-expired'))).toMatchObject({ queueItemId: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77', outcome: 'expired' });
    expect(commandUpdate(parsed('log-downlink-payload-size'))).toEqual({
      queueItemId: '7b2e9f40-5c1d-4a8e-b3f6-0d9c8e7a6b51',
      outcome: 'failed',
      reason: 'DOWNLINK_PAYLOAD_SIZE: Device queue-item discarded because it exceeds the max. payload size',
    });
    expect(commandUpdate(parsed('log-downlink-payload-size', { level: 'WARNING' }))).toBeUndefined();
  });

  it.each(['up', 'join', 'status', 'location', 'log-retransmission', 'log-uplink-codec'])('%s says nothing about a command', (name) => {
    expect(commandUpdate(parsed(name))).toBeUndefined();
  });
});
