import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('drops the least recently used entry past its capacity', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3, 1000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('expires each entry at its own time', () => {
    let now = 0;
    const cache = new LruCache<string>(10, () => now);
    cache.set('short', 'x', 100);
    cache.set('long', 'y', 1000);
    now = 100;
    expect(cache.get('short')).toBeUndefined();
    expect(cache.get('long')).toBe('y');
    cache.delete('long');
    expect(cache.get('long')).toBeUndefined();
  });
});
