import { COMMAND_STATES, isTerminalCommandState, nextState } from './commands';
import type { CommandInput, CommandState, CommandStatus } from './commands';

const EXPIRES = '2026-03-02T12:00:00Z';
const BEFORE = new Date('2026-03-02T11:59:59Z');
const AFTER = new Date('2026-03-02T12:00:01Z');

const sent: CommandInput = { kind: 'outcome', outcome: 'sent' };
const acked: CommandInput = { kind: 'outcome', outcome: 'acknowledged' };
const nacked: CommandInput = { kind: 'outcome', outcome: 'failed', reason: 'not acknowledged by the device' };
const tooBig: CommandInput = { kind: 'outcome', outcome: 'failed', reason: 'DOWNLINK_PAYLOAD_SIZE: too large' };
const expiredLog: CommandInput = { kind: 'outcome', outcome: 'expired', reason: 'EXPIRED: expired' };
const deadline: CommandInput = { kind: 'deadline' };

type Row = [string, CommandState, boolean, CommandInput, Date, CommandState, boolean];

describe('nextState', () => {
  const rows: Row[] = [
    // name, from, confirmed, input, now, to, changed
    ['txack sends a queued command', 'queued', true, sent, BEFORE, 'sent', true],
    ['ack true acknowledges a sent command', 'sent', true, acked, BEFORE, 'acknowledged', true],
    ['ack false fails a sent command', 'sent', true, nacked, BEFORE, 'failed', true],
    ['log DOWNLINK_PAYLOAD_SIZE fails a queued command', 'queued', false, tooBig, BEFORE, 'failed', true],
    ['log ERROR fails a sent command', 'sent', true, tooBig, BEFORE, 'failed', true],
    ['log EXPIRED expires a queued command', 'queued', true, expiredLog, BEFORE, 'expired', true],
    ['log EXPIRED expires a sent confirmed command', 'sent', true, expiredLog, BEFORE, 'expired', true],
    ['an ack before its txack still acknowledges', 'queued', true, acked, BEFORE, 'acknowledged', true],
    ['deadline passed without txack expires a queued unconfirmed command', 'queued', false, deadline, AFTER, 'expired', true],
    ['deadline passed without txack expires a queued confirmed command', 'queued', true, deadline, AFTER, 'expired', true],
    ['deadline passed without ack expires a sent confirmed command', 'sent', true, deadline, AFTER, 'expired', true],
    ['deadline leaves a sent unconfirmed command sent', 'sent', false, deadline, AFTER, 'sent', false],
    ['deadline not yet reached changes nothing', 'queued', true, deadline, BEFORE, 'queued', false],
    ['deadline exactly reached expires', 'queued', true, deadline, new Date(EXPIRES), 'expired', true],
    ['a repeated txack is idempotent', 'sent', true, sent, BEFORE, 'sent', false],
    ['a txack after the ack is an older outcome, ignored', 'acknowledged', true, sent, BEFORE, 'acknowledged', false],
    ['a repeated ack is idempotent', 'acknowledged', true, acked, BEFORE, 'acknowledged', false],
    ['acknowledged never becomes failed', 'acknowledged', true, nacked, BEFORE, 'acknowledged', false],
    ['acknowledged never expires', 'acknowledged', true, deadline, AFTER, 'acknowledged', false],
    ['failed never becomes acknowledged', 'failed', true, acked, BEFORE, 'failed', false],
    ['failed never expires', 'failed', true, expiredLog, BEFORE, 'failed', false],
    ['expired never becomes sent', 'expired', true, sent, BEFORE, 'expired', false],
    ['expired never becomes acknowledged', 'expired', true, acked, BEFORE, 'expired', false],
    ['expired stays expired on the deadline', 'expired', false, deadline, AFTER, 'expired', false],
  ];

  it.each(rows)('%s', (_name, from, confirmed, input, now, to, changed) => {
    const status: CommandStatus = { state: from, confirmed, expiresAt: EXPIRES };
    const result = nextState(status, input, now);
    expect(result.state).toBe(to);
    expect(result.changed).toBe(changed);
  });

  it('carries the reason of a failure and of an expiry', () => {
    expect(nextState({ state: 'sent', confirmed: true, expiresAt: EXPIRES }, nacked, BEFORE).reason).toBe('not acknowledged by the device');
    expect(nextState({ state: 'sent', confirmed: true, expiresAt: EXPIRES }, deadline, AFTER).reason).toBe('no ack before the deadline');
    expect(nextState({ state: 'queued', confirmed: false, expiresAt: EXPIRES }, deadline, AFTER).reason).toBe('no txack before the deadline');
  });

  it('never leaves a terminal state, whatever comes', () => {
    const inputs = [sent, acked, nacked, tooBig, expiredLog, deadline];
    for (const state of COMMAND_STATES.filter(isTerminalCommandState)) {
      for (const input of inputs) {
        for (const confirmed of [true, false]) {
          expect(nextState({ state, confirmed, expiresAt: EXPIRES }, input, AFTER)).toEqual({ state, changed: false });
        }
      }
    }
  });

  it('applies the same event twice as once', () => {
    const status: CommandStatus = { state: 'queued', confirmed: true, expiresAt: EXPIRES };
    const once = nextState(status, sent, BEFORE);
    const twice = nextState({ ...status, state: once.state }, sent, BEFORE);
    expect(once).toEqual({ state: 'sent', changed: true });
    expect(twice).toEqual({ state: 'sent', changed: false });
  });
});
