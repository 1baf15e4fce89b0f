import { diffFields } from './history-diff';

describe('diffFields', () => {
  it('lists only changed fields, with dates as ISO text', () => {
    const at = new Date('2025-01-02T03:04:05.000Z');
    expect(diffFields({ name: 'A', depth: 1, at: null }, { name: 'B', depth: 1, at })).toEqual({
      name: { from: 'A', to: 'B' },
      at: { from: null, to: '2025-01-02T03:04:05.000Z' },
    });
  });

  it('describes a creation and a deletion', () => {
    expect(diffFields(null, { name: 'A', code: null })).toEqual({ name: { from: null, to: 'A' } });
    expect(diffFields({ name: 'A' }, null)).toEqual({ name: { from: 'A', to: null } });
  });

  it('compares nested values structurally', () => {
    expect(diffFields({ config: { a: 1, b: [1, 2] } }, { config: { a: 1, b: [1, 2] } })).toEqual({});
    expect(diffFields({ config: { a: 1 } }, { config: { a: 2 } })).toEqual({ config: { from: { a: 1 }, to: { a: 2 } } });
  });

  it('never shows a secret, only that it changed', () => {
    const diff = diffFields({ appKey: 'aa'.repeat(16) }, { appKey: 'bb'.repeat(16) }, ['appKey']);
    expect(diff).toEqual({ appKey: { from: '[changed]', to: '[changed]' } });
    expect(diffFields(null, { appKey: 'secret' }, ['appKey'])).toEqual({ appKey: { from: null, to: '[changed]' } });
    expect(diffFields({ appKey: 'same' }, { appKey: 'same' }, ['appKey'])).toEqual({});
    expect(JSON.stringify(diffFields({ appKey: 'x1' }, null, ['appKey']))).not.toContain('x1');
  });
});
