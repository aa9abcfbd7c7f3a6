// The progress bar on standard error. Rendering is pure; the caller decides when (and whether) to draw.

/** Shown only when the input is at least this large: below it, the scan finishes before a bar helps. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
export const PROGRESS_MIN_FILES = 500;

export function wantsProgress(
  totalBytes: number,
  files: number,
  stderrIsTty: boolean,
  enabled: boolean,
): boolean {
  return enabled && stderrIsTty && (totalBytes >= PROGRESS_MIN_BYTES || files >= PROGRESS_MIN_FILES);
}

const MB = 1024 * 1024;

/** "[#########.............]  42%  12.3/29.0 MB  3,104 messages" sized to `columns`. */
export function renderProgress(
  doneBytes: number,
  totalBytes: number,
  messages: number,
  columns: number,
): string {
  const ratio = totalBytes > 0 ? Math.min(1, Math.max(0, doneBytes / totalBytes)) : 1;
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const sizes = `${(doneBytes / MB).toFixed(1)}/${(totalBytes / MB).toFixed(1)} MB`;
  const count = `${messages.toLocaleString('en-US')} message${messages === 1 ? '' : 's'}`;
  const tail = `  ${percent}  ${sizes}  ${count}`;
  const barWidth = Math.max(10, Math.min(50, columns - tail.length - 3));
  const filled = Math.round(ratio * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${tail}`;
}

/** Redraws at most every `intervalMs`; `clear()` erases the line so the table or JSON is never mixed with it. */
export class ProgressBar {
  private last = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly totalBytes: number,
    private readonly columns: number,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 100,
  ) {}

  update(doneBytes: number, messages: number, force = false): void {
    const t = this.now();
    if (!force && t - this.last < this.intervalMs) {
      return;
    }
    this.last = t;
    this.write(`\r${renderProgress(doneBytes, this.totalBytes, messages, this.columns)}\u001b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) {
      this.write('\r\u001b[K');
      this.drawn = false;
      this.last = Number.NEGATIVE_INFINITY;
    }
  }
}
