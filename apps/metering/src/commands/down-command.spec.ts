import { DomainError } from '@app/contracts';
import { buildDownCommand, rfc3339 } from './down-command';
import type { DownCommandInput } from './down-command';

const input: DownCommandInput = {
  commandId: '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77',
  applicationId: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  devEui: '70B3D5E75E001234',
  fPort: 10,
  bytes: Uint8Array.of(1, 2, 3),
  confirmed: true,
  expiresAt: new Date('2026-03-02T12:00:00Z'),
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return (error as DomainError).fields?.[0]?.field;
  }
  throw new Error('expected a DomainError');
}

describe('buildDownCommand', () => {
  it('builds chirpstack.md 1.4 byte for byte, devEui lowercase in the topic and the payload', () => {
    const message = buildDownCommand(input);
    expect(message.topic).toBe('application/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d/device/70b3d5e75e001234/command/down');
    expect(message.payload).toBe(
      '{"id":"3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77","devEui":"70b3d5e75e001234","confirmed":true,' +
        '"fPort":10,"data":"AQID","expiresAt":"2026-03-02T12:00:00Z"}',
    );
  });

  it('keeps milliseconds when the deadline has them, and sends unconfirmed as false', () => {
    const message = buildDownCommand({ ...input, confirmed: false, expiresAt: new Date('2026-03-02T12:00:00.250Z') });
    const payload = JSON.parse(message.payload) as Record<string, unknown>;
    expect(payload.confirmed).toBe(false);
    expect(payload.expiresAt).toBe('2026-03-02T12:00:00.250Z');
    expect(Object.keys(payload)).toEqual(['id', 'devEui', 'confirmed', 'fPort', 'data', 'expiresAt']);
  });

  it('accepts fPort 1 and 255 and a 242-byte payload', () => {
    expect(JSON.parse(buildDownCommand({ ...input, fPort: 1 }).payload).fPort).toBe(1);
    expect(JSON.parse(buildDownCommand({ ...input, fPort: 255, bytes: new Uint8Array(242) }).payload).fPort).toBe(255);
  });

  it.each<[string, Partial<Record<keyof DownCommandInput, unknown>>]>([
    ['commandId', { commandId: 'not-a-uuid' }],
    ['commandId', { commandId: '' }],
    ['applicationId', { applicationId: 'app-1' }],
    ['devEui', { devEui: '70b3d5e75e00123' }],
    ['devEui', { devEui: '70b3d5e75e00123g' }],
    ['fPort', { fPort: 0 }],
    ['fPort', { fPort: 256 }],
    ['fPort', { fPort: 1.5 }],
    ['bytes', { bytes: new Uint8Array(0) }],
    ['bytes', { bytes: new Uint8Array(243) }],
    ['bytes', { bytes: [1, 2, 3] }],
    ['confirmed', { confirmed: 'yes' }],
    ['expiresAt', { expiresAt: new Date('nope') }],
    ['expiresAt', { expiresAt: '2026-03-02T12:00:00Z' }],
  ])('names %s when it is bad (%o)', (field, bad) => {
    expect(fieldOf(() => buildDownCommand({ ...input, ...bad } as DownCommandInput))).toBe(field);
  });

  it('formats RFC 3339 in UTC', () => {
    expect(rfc3339(new Date(Date.UTC(2026, 0, 5, 3, 4, 5)))).toBe('2026-01-05T03:04:05Z');
  });
});
