import { RateWindow } from './rate-window';

const totals = (received: number, stored = 0, deadLettered = 0) => ({ received, stored, deadLettered });

describe('RateWindow', () => {
  it('reads 0 with no sample and with one sample', () => {
    const window = new RateWindow(5000);
    expect(window.rates()).toEqual({ receivedPerSecond: 0, storedPerSecond: 0, deadLetteredPerSecond: 0 });
    window.add(1000, totals(500, 400, 3));
    expect(window.rates()).toEqual({ receivedPerSecond: 0, storedPerSecond: 0, deadLetteredPerSecond: 0 });
  });

  it('covers what it has until the window has filled', () => {
    const window = new RateWindow(5000);
    window.add(0, totals(0));
    window.add(1000, totals(20, 10, 1));
    window.add(2000, totals(40, 30, 2));
    expect(window.rates()).toEqual({ receivedPerSecond: 20, storedPerSecond: 15, deadLetteredPerSecond: 1 });
  });

  it('slides: only the last 5 s count once older samples fall out', () => {
    const window = new RateWindow(5000);
    // A burst of 1000 in the first second, then 10/s.
    window.add(0, totals(0));
    window.add(1000, totals(1000));
    for (let s = 2; s <= 6; s++) window.add(s * 1000, totals(1000 + (s - 1) * 10));
    expect(window.rates().receivedPerSecond).toBe(10);
    // Three quiet seconds later: 2 of the last 5 s had traffic, 20 messages over 5 s.
    for (let s = 7; s <= 9; s++) window.add(s * 1000, totals(1050));
    expect(window.rates().receivedPerSecond).toBe(4);
    for (let s = 10; s <= 14; s++) window.add(s * 1000, totals(1050));
    expect(window.rates().receivedPerSecond).toBe(0);
  });

  it('stays bounded however long it runs', () => {
    const window = new RateWindow(5000);
    for (let s = 0; s < 10_000; s++) window.add(s * 1000, totals(s * 3));
    expect(window.size).toBe(6);
    expect(window.rates().receivedPerSecond).toBe(3);
  });

  it('divides by the real time between samples (a late timer does not inflate the rate)', () => {
    const window = new RateWindow(5000);
    window.add(0, totals(0));
    window.add(1000, totals(100));
    window.add(4000, totals(400)); // the event loop stalled for 2 s
    expect(window.rates().receivedPerSecond).toBe(100);
  });

  it('keeps one sample at or before the window start, so the whole window is covered', () => {
    const window = new RateWindow(5000);
    window.add(0, totals(0));
    window.add(1000, totals(500)); // a burst in the first second
    window.add(2500, totals(510));
    window.add(5500, totals(540));
    window.add(7000, totals(555));
    // The window starts at 2000: from the sample at 1000 (the last one at or before it) to 7000, 55 over 6 s.
    expect(window.rates().receivedPerSecond).toBe(9.17);
    expect(window.size).toBe(4);
  });

  it('never reads negative, and ignores a sample from before the newest', () => {
    const window = new RateWindow(5000);
    window.add(0, totals(100));
    window.add(1000, totals(50));
    expect(window.rates().receivedPerSecond).toBe(0);
    window.add(500, totals(1_000_000));
    expect(window.rates().receivedPerSecond).toBe(0);
  });

  it('rounds to two decimals', () => {
    const window = new RateWindow(5000);
    window.add(0, totals(0));
    window.add(3000, totals(1));
    expect(window.rates().receivedPerSecond).toBe(0.33);
  });

  it('refuses a window that is not positive', () => {
    expect(() => new RateWindow(0)).toThrow(RangeError);
  });
});
