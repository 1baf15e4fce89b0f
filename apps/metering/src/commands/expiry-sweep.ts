import type { Logger } from 'pino';

/**
 * Every `intervalMs`, expires the commands past their deadline (`CommandsService.expireDue`). Every instance
 * sweeps; the rows are locked FOR UPDATE SKIP LOCKED, so each due command is handled by one of them. A failed
 * sweep is logged and the next one tries again.
 */
export class CommandExpirySweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly expireDue: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep().finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    try {
      let changed: number;
      do {
        changed = await this.expireDue();
        if (changed > 0) this.logger.info({ expired: changed }, 'commands past their deadline expired');
      } while (changed >= 500 && !this.stopped);
    } catch (error) {
      this.logger.warn({ err: error }, 'command expiry sweep failed; the next one retries');
    }
  }
}
