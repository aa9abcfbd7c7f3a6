// A private X server for runs in a real (not headless) window: screenshots of what a user sees.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sleep } from './tap.mjs';

export class Xvfb {
  static available() {
    return existsSync('/usr/bin/Xvfb');
  }

  /** Starts Xvfb on the first free display from :90 up; resolves with the display name. */
  async start(size = '1280x900x24') {
    for (let number = 90; number < 110; number += 1) {
      if (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) {
        continue;
      }
      this.process = spawn('Xvfb', [`:${number}`, '-screen', '0', size, '-nolisten', 'tcp'], {
        stdio: 'ignore',
        detached: true,
      });
      for (let waited = 0; waited < 5000; waited += 100) {
        if (existsSync(`/tmp/.X11-unix/X${number}`)) {
          this.display = `:${number}`;
          return this.display;
        }
        if (this.process.exitCode !== null) {
          break;
        }
        await sleep(100);
      }
      this.stop();
    }
    throw new Error('could not start Xvfb');
  }

  stop() {
    if (this.process && this.process.exitCode === null) {
      try {
        process.kill(-this.process.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    this.process = undefined;
  }
}
