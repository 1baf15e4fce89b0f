import { planTransition } from './command-transition';
import type { StoredStatus } from './command-transition';

const now = new Date('2026-03-02T12:00:00Z');
const later = new Date('2026-03-02T13:00:00Z');
const status = (over: Partial<StoredStatus> = {}): StoredStatus => ({ state: 'queued', confirmed: true, expiresAt: later, ...over });

describe('planTransition', () => {
  it('moves queued -> sent on a txack, stamping sent_at with the event time', () => {
    const at = new Date('2026-03-02T12:00:05Z');
    expect(planTransition(status(), { kind: 'outcome', outcome: 'sent' }, 'outcome', now, at)).toEqual({
      fromState: 'queued',
      toState: 'sent',
      reason: null,
      stampColumn: 'sent_at',
      source: 'outcome',
      eventAt: at,
    });
  });

  it('keeps the reason of a failure and stamps failed_at', () => {
    const plan = planTransition(status({ state: 'sent' }), { kind: 'outcome', outcome: 'failed', reason: 'not acknowledged' }, 'outcome', now);
    expect(plan).toMatchObject({ fromState: 'sent', toState: 'failed', reason: 'not acknowledged', stampColumn: 'failed_at' });
  });

  it('changes nothing on a repeat, an older outcome after a newer one, or in a terminal state', () => {
    expect(planTransition(status({ state: 'sent' }), { kind: 'outcome', outcome: 'sent' }, 'outcome', now)).toBeNull();
    expect(planTransition(status({ state: 'acknowledged' }), { kind: 'outcome', outcome: 'sent' }, 'outcome', now)).toBeNull();
    expect(planTransition(status({ state: 'expired' }), { kind: 'outcome', outcome: 'acknowledged' }, 'outcome', now)).toBeNull();
    expect(planTransition(status({ state: 'failed' }), { kind: 'deadline' }, 'deadline', later)).toBeNull();
  });

  it('lets an ack arrive before its txack (queued -> acknowledged, no sent stamp)', () => {
    expect(planTransition(status(), { kind: 'outcome', outcome: 'acknowledged' }, 'outcome', now)).toMatchObject({ toState: 'acknowledged', stampColumn: 'acknowledged_at' });
  });

  it('expires at the deadline a queued command, and a confirmed sent one, but not an unconfirmed sent one', () => {
    expect(planTransition(status(), { kind: 'deadline' }, 'deadline', now)).toBeNull();
    expect(planTransition(status(), { kind: 'deadline' }, 'deadline', later)).toMatchObject({ toState: 'expired', stampColumn: 'expired_at', source: 'deadline', reason: 'no txack before the deadline' });
    expect(planTransition(status({ state: 'sent' }), { kind: 'deadline' }, 'deadline', later)).toMatchObject({ toState: 'expired', reason: 'no ack before the deadline' });
    expect(planTransition(status({ state: 'sent', confirmed: false }), { kind: 'deadline' }, 'deadline', later)).toBeNull();
  });
});
