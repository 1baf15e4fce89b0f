import type { ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
let installed = false;

/**
 * Kills a spawned server (broker, ClickHouse, Redis, app) if the test process exits without stopping it (a
 * failed beforeAll, a Jest timeout, Ctrl-C), so no orphan keeps a port or a temporary directory busy.
 */
export function killOnExit(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
  if (installed) return;
  installed = true;
  process.once('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
}
