import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One process per write-ahead buffer directory: a `LOCK` file holding the owner's pid. A lock whose process is
 * gone (SIGKILL, power loss) is taken over; a live owner is an error naming it (two instances on one host need
 * distinct INSTANCE_IDs or INGEST_WAL_DIRs).
 */
export async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(`the write-ahead buffer ${dir} is in use by process ${owner}: give each ingest instance its own INSTANCE_ID or INGEST_WAL_DIR`);
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not lock the write-ahead buffer ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
