import { encodeDownlink, listCodecs } from '@app/codecs';
import type { DownlinkCommand } from '@app/codecs';
import { DomainError } from '@app/contracts';
import type { CommandKind, CommandRequest } from '@app/contracts';
import { encodeCommand } from './encode-command';

const SAMPLES: Record<CommandKind, CommandRequest> = {
  valve: { type: 'valve', open: false },
  relay: { type: 'relay', on: true },
  reporting_interval: { type: 'reporting_interval', seconds: 3600 },
  time_sync: { type: 'time_sync', at: '2026-03-02T12:00:00Z' },
  read_config: { type: 'read_config' },
  reset_counter: { type: 'reset_counter' },
};

function asCodecCommand(command: CommandRequest): DownlinkCommand {
  return command.type === 'time_sync' ? { type: 'time_sync', at: new Date(command.at) } : command;
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

const withDownlinks = listCodecs().filter((c) => c.downlinks.length > 0);
const pairs = withDownlinks.flatMap((c) => c.downlinks.map((type) => [c.id, type] as [string, CommandKind]));

describe('encodeCommand', () => {
  it('finds codecs with downlink encoders', () => {
    expect(withDownlinks.length).toBeGreaterThan(5);
  });

  it.each(pairs)('%s encodes %s through the codec library', (codecId, type) => {
    const encoded = encodeCommand(codecId, SAMPLES[type]);
    const direct = encodeDownlink(codecId, asCodecCommand(SAMPLES[type]));
    expect(encoded.fPort).toBe(direct.fPort);
    expect(encoded.fPort).toBeGreaterThanOrEqual(1);
    expect(encoded.fPort).toBeLessThanOrEqual(255);
    expect(encoded.bytes.length).toBeGreaterThan(0);
    expect([...encoded.bytes]).toEqual([...direct.bytes]);
  });

  it('refuses a command the codec has no encoder for as UNSUPPORTED, naming codec and command', () => {
    const codec = withDownlinks.find((c) => !c.downlinks.includes('valve'));
    expect(codec).toBeDefined();
    const error = errorOf(() => encodeCommand(codec!.id, SAMPLES.valve));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toBe(`UNSUPPORTED: codec "${codec!.id}" cannot encode a "valve" command`);
    expect(error.fields?.[0]?.field).toBe('command.type');
  });

  it('refuses every command for a codec without any encoder', () => {
    const codec = listCodecs().find((c) => c.downlinks.length === 0);
    expect(codec).toBeDefined();
    const error = errorOf(() => encodeCommand(codec!.id, SAMPLES.read_config));
    expect(error.message).toContain('UNSUPPORTED');
    expect(error.message).toContain(codec!.id);
    expect(error.message).toContain('read_config');
  });

  it('names codecId when the codec is unknown', () => {
    const error = errorOf(() => encodeCommand('nobody/nothing', SAMPLES.read_config));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.[0]?.field).toBe('codecId');
  });

  it('names the command when the encoder refuses its value', () => {
    const codec = withDownlinks.find((c) => c.downlinks.includes('reporting_interval'));
    const error = errorOf(() => encodeCommand(codec!.id, { type: 'reporting_interval', seconds: -1 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.[0]?.field).toBe('command');
  });

  it('names command.at when a time sync has no valid time', () => {
    const codec = withDownlinks[0];
    const error = errorOf(() => encodeCommand(codec.id, { type: 'time_sync', at: 'yesterday' }));
    expect(error.fields?.[0]?.field).toBe('command.at');
  });
});
