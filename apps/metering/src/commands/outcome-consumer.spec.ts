import { parseOutcomeEntry } from './outcome-consumer';

const event = { commandId: '3F1C2A9E-7D41-4C0B-9A55-2B8F0E6D1C77', devEui: '70b3d5e75e001234', applicationId: 'app', outcome: 'sent', at: '2026-03-02T10:16:01.9+00:00' };

describe('parseOutcomeEntry', () => {
  it('reads the JSON of field `event`, lower-casing the command id', () => {
    expect(parseOutcomeEntry(['event', JSON.stringify({ ...event, reason: 'x' })])).toEqual({ ok: true, event: { ...event, commandId: event.commandId.toLowerCase(), reason: 'x' } });
    expect(parseOutcomeEntry(['other', 'v', 'event', JSON.stringify(event)]).ok).toBe(true);
  });

  it.each<[string, string[]]>([
    ['no field "event"', ['payload', JSON.stringify(event)]],
    ['not JSON', ['event', '{']],
    ['commandId is not a UUID', ['event', JSON.stringify({ ...event, commandId: 'q-1' })]],
    ['devEui is missing', ['event', JSON.stringify({ ...event, devEui: undefined })]],
    ['unknown outcome', ['event', JSON.stringify({ ...event, outcome: 'delivered' })]],
    ['not an object', ['event', 'null']],
  ])('refuses an entry with %s', (reason, fields) => {
    const parsed = parseOutcomeEntry(fields);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
