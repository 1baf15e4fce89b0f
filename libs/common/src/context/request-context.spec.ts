import { acceptCorrelationId, currentContext, currentCorrelationId, runWithContext } from './request-context';

describe('request context', () => {
  it('carries the correlation id across awaits and timers', async () => {
    const seen = await runWithContext({ correlationId: 'abc-1', origin: 'http' }, async () => {
      await new Promise((r) => setTimeout(r, 5));
      await Promise.resolve();
      return currentCorrelationId();
    });
    expect(seen).toBe('abc-1');
    expect(currentContext()).toBeUndefined();
  });

  it('keeps concurrent contexts apart', async () => {
    const run = (id: string, delay: number) =>
      runWithContext({ correlationId: id, origin: 'test' }, async () => {
        await new Promise((r) => setTimeout(r, delay));
        return currentCorrelationId();
      });
    expect(await Promise.all([run('a', 15), run('b', 1), run('c', 8)])).toEqual(['a', 'b', 'c']);
  });

  it('accepts plain caller ids and replaces hostile ones', () => {
    expect(acceptCorrelationId('req-42.x:y_z')).toBe('req-42.x:y_z');
    for (const bad of ['a b', 'x\ny', '<script>', 'a'.repeat(129), 42, undefined, ['a']]) {
      const id = acceptCorrelationId(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
