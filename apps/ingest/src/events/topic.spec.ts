import { parseTopic } from './topic';

const APP = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('parseTopic', () => {
  it.each(['up', 'join', 'status', 'ack', 'txack', 'log', 'location'])('splits an event topic for %s', (event) => {
    expect(parseTopic(`application/${APP}/device/70b3d5e75e001234/event/${event}`)).toEqual({
      ok: true,
      applicationId: APP,
      devEui: '70b3d5e75e001234',
      event,
    });
  });

  it('lowercases the ids', () => {
    const result = parseTopic('application/A1B2C3D4-0000-4000-8000-00000000000F/device/70B3D5E75E00ABCD/event/up');
    expect(result).toMatchObject({ ok: true, applicationId: 'a1b2c3d4-0000-4000-8000-00000000000f', devEui: '70b3d5e75e00abcd' });
  });

  it.each([
    ['the removed integration event', 'integration'],
    ['a v3 event', 'rx'],
    ['a wrong case', 'UP'],
  ])('rejects %s as UNKNOWN_EVENT', (_label, event) => {
    expect(parseTopic(`application/${APP}/device/70b3d5e75e001234/event/${event}`)).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
  });

  it.each([
    ['a command topic', `application/${APP}/device/70b3d5e75e001234/command/down`],
    ['a gateway topic', 'eu868/gateway/0016c001f153a14c/event/up'],
    ['an application id that is not a UUID', 'application/7/device/70b3d5e75e001234/event/up'],
    ['a short DevEUI', `application/${APP}/device/70b3d5e75e0012/event/up`],
    ['a DevEUI that is not hex', `application/${APP}/device/70b3d5e75e00123g/event/up`],
    ['a trailing level', `application/${APP}/device/70b3d5e75e001234/event/up/x`],
    ['a leading slash', `/application/${APP}/device/70b3d5e75e001234/event/up`],
    ['an empty event', `application/${APP}/device/70b3d5e75e001234/event/`],
    ['an empty topic', ''],
    ['Application in another case', `Application/${APP}/device/70b3d5e75e001234/event/up`],
  ])('rejects %s as NOT_AN_EVENT_TOPIC', (_label, topic) => {
    expect(parseTopic(topic)).toMatchObject({ ok: false, code: 'NOT_AN_EVENT_TOPIC' });
  });
});
