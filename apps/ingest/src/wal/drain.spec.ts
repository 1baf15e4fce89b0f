import { retryDelay } from './drain';

describe('write-ahead drain retry delay', () => {
  it('doubles from the base and stops at the cap, even after very many attempts', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelay(attempt, 100, 2000))).toEqual([100, 200, 400, 800, 1600, 2000]);
    expect(retryDelay(10_000, 100, 30_000)).toBe(30_000);
    expect(retryDelay(0, 100, 30_000)).toBe(100);
  });
});
