/**
 * When records were appended, one entry per durable write (not per record): `upTo` is the cumulative
 * record count after that write, `at` the append time of its first record. Answers "when was record n
 * appended" closely enough for the oldest-record age and the batch wait, in memory proportional to the
 * number of writes still undrained.
 */
export class AppendTimes {
  private upTo: number[] = [];
  private at: number[] = [];
  private head = 0;

  push(upTo: number, at: number): void {
    this.upTo.push(upTo);
    this.at.push(at);
  }

  /** Append time of the write holding record ordinal `n` (0-based), if still tracked. */
  timeOf(n: number): number | undefined {
    let lo = this.head;
    let hi = this.upTo.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.upTo[mid] > n) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.upTo.length ? this.at[lo] : undefined;
  }

  /** Forgets writes whose records all have ordinals below `n`. */
  dropBelow(n: number): void {
    while (this.head < this.upTo.length && this.upTo[this.head] <= n) this.head++;
    if (this.head > 1024 && this.head * 2 > this.upTo.length) {
      this.upTo = this.upTo.slice(this.head);
      this.at = this.at.slice(this.head);
      this.head = 0;
    }
  }
}
