import type { CampaignStats } from '../runner/stats.ts';

/**
 * The live progress line: rewritten in place on a terminal, or a plain line every few seconds when
 * output is a pipe or CI (so logs stay readable and do not fill with carriage returns).
 */
export class Progress {
  private readonly started = Date.now();
  private lastPrint = 0;
  private readonly tty: boolean;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly plainEverySeconds = 10,
  ) {
    this.tty = out.isTTY === true && process.env.CI === undefined;
  }

  /** Seconds since the campaign started. */
  elapsed(): number {
    return (Date.now() - this.started) / 1000;
  }

  update(stats: CampaignStats, totalRuns: number): void {
    const now = Date.now();
    const interval = this.tty ? 100 : this.plainEverySeconds * 1000;
    if (now - this.lastPrint < interval) return;
    this.lastPrint = now;
    const line = this.line(stats, totalRuns);
    this.out.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  /** Ends the in-place line so the summary starts on a fresh one. */
  done(): void {
    if (this.tty) this.out.write('\r\x1b[2K');
  }

  line(stats: CampaignStats, totalRuns: number): string {
    const seconds = this.elapsed();
    const rate = seconds > 0 ? Math.round(stats.actions / seconds) : 0;
    const runs =
      Number.isFinite(totalRuns) && totalRuns < Number.MAX_SAFE_INTEGER
        ? `${stats.runs}/${totalRuns}`
        : `${stats.runs}`;
    return `runs ${runs}  actions ${stats.actions}  ${rate} actions/s  failures ${stats.failures}  elapsed ${seconds.toFixed(1)}s`;
  }
}
