import type { StoreHealth, StoreName } from '@app/contracts';

/** A live check of one store a service uses. Never throws; reports `down` with a reason instead. */
export interface StoreProbe {
  readonly store: StoreName;
  /** Whether the service cannot do its work without this store. */
  readonly required: boolean;
  probe(): Promise<StoreHealth>;
}

/** Runs `check` with a deadline and turns any failure into a `down` report with its reason. */
export async function timedProbe(timeoutMs: number, check: () => Promise<void>): Promise<StoreHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
