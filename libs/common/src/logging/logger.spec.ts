import { Writable } from 'node:stream';
import { runWithContext } from '../context/request-context';
import { createLogger } from './logger';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON with service, version, instance and the current correlation id', () => {
    const out = capture();
    const logger = createLogger({ service: 'metering', version: '1.2.3', level: 'info', instance: 'm-1', destination: out.stream });
    logger.info('outside');
    runWithContext({ correlationId: 'corr-9', origin: 'rpc:gateway' }, () => logger.info({ jobId: 7 }, 'inside'));
    const [outside, inside] = out.lines();
    expect(outside).toMatchObject({ level: 'info', service: 'metering', version: '1.2.3', instance: 'm-1', msg: 'outside' });
    expect(outside.correlationId).toBeUndefined();
    expect(inside).toMatchObject({ correlationId: 'corr-9', origin: 'rpc:gateway', jobId: 7, msg: 'inside' });
  });

  it('redacts secrets', () => {
    const out = capture();
    const logger = createLogger({ service: 's', version: '1', level: 'info', destination: out.stream });
    logger.info({ password: 'p4ss', device: { appKey: 'k3y', nwkKey: 'n3tw0rk' }, headers: { authorization: 'Bearer t0ken' } }, 'x');
    const text = JSON.stringify(out.lines()[0]);
    for (const secret of ['p4ss', 'k3y', 'n3tw0rk', 't0ken']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
