// The message the user looks at comes first (issue 11). Thunderbird runs the extension, the IMAP
// reads and the message pane on one main thread: every API call of a background check (automatic
// scan of new mail, startup scan, folder sweep) delays the displayed message's check and the drawing
// of its banner. So a background check starts only while no check of a shown message is in flight,
// and a moment after the last one answered (the banner is still being drawn then); one already
// running is not interrupted (a WebExtension call cannot be).
//
// A waiting background check goes on after MAX_YIELD_MS whatever happens: a shown message whose
// check never settles (a read Thunderbird never answers) must not stop the scan for good.

/** After the last shown message's check answered: the banner's own drawing, measured 8–22 ms (e2e). */
export const TAIL_MS = 100;
/** The longest one background check waits for the shown messages' checks. */
export const MAX_YIELD_MS = 2000;

export class Foreground {
  private inFlight = 0;
  /** True for TAIL_MS after the last check in flight settled. */
  private settling = false;
  private settlingTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: (() => void)[] = [];
  private answeredOnce = false;
  private firstAnswer: (() => void)[] = [];

  /** Counts `work` as a shown message's check until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight += 1;
    const settled = () => {
      this.inFlight -= 1;
      this.answeredOnce = true;
      for (const resolve of this.firstAnswer.splice(0)) {
        resolve();
      }
      if (this.inFlight === 0) {
        this.settling = true;
        clearTimeout(this.settlingTimer);
        this.settlingTimer = setTimeout(() => {
          this.settling = false;
          this.wake();
        }, TAIL_MS);
      }
    };
    work.then(settled, settled);
    return work;
  }

  /** Whether a background check may start now. */
  get idleNow(): boolean {
    return this.inFlight === 0 && !this.settling;
  }

  /** Resolves when a background check may start: at once when no shown message is being checked. */
  idle(): Promise<void> {
    return this.idleNow ? Promise.resolve() : wakeOrTimeout(this.waiters, MAX_YIELD_MS);
  }

  /** Resolves once the first shown message's check has answered, or after `ms`. */
  firstAnswered(ms: number): Promise<void> {
    return this.answeredOnce ? Promise.resolve() : wakeOrTimeout(this.firstAnswer, ms);
  }

  private wake(): void {
    if (this.idleNow) {
      for (const resolve of this.waiters.splice(0)) {
        resolve();
      }
    }
  }
}

/** A promise resolved by the first of: a call of the function it adds to `wakers`, or `ms` passing. */
function wakeOrTimeout(wakers: (() => void)[], ms: number): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    wakers.push(done);
  });
}
