// Starts and stops real Thunderbird for the e2e suite: headless, on a given profile, with a
// chrome-context Marionette session. Stops it the way a user quits (Marionette:Quit); only if it
// does not exit does it end the process group it started, by id.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { PRELUDE } from './chrome.mjs';
import { Marionette } from './marionette.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

export class Thunderbird {
  /**
   * @param {{ profileDir: string, marionettePort: number, logFile: string, window?: boolean, display?: string }} options
   * window: a real window on a private X server (xvfb-run -a), not --headless: the header-button
   * popup and the layout are only drawn there. display (e.g. ":99", an Xvfb the caller started):
   * a real window on that existing X server instead.
   */
  constructor({ profileDir, marionettePort, logFile, window = false, display }) {
    this.profileDir = profileDir;
    this.marionettePort = marionettePort;
    this.logFile = logFile;
    this.window = window;
    this.display = display;
  }

  /** Resolves with the browser version once a chrome-context session is open. */
  async start() {
    const log = createWriteStream(this.logFile);
    // THUNDERBIRD_BIN: another Thunderbird build (e.g. 140 ESR unpacked elsewhere).
    const bin = process.env.THUNDERBIRD_BIN || 'thunderbird';
    const args = ['--marionette', '-remote-allow-system-access', '--no-remote', '--profile', this.profileDir];
    const env = { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' };
    delete env.MOZ_HEADLESS;
    const options = { stdio: /** @type {const} */ (['ignore', 'pipe', 'pipe']), detached: true };
    if (this.display) {
      this.process = spawn(bin, args, { ...options, env: { ...env, DISPLAY: this.display } });
    } else if (this.window) {
      this.process = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', bin, ...args], {
        ...options,
        env,
      });
    } else {
      this.process = spawn(bin, ['--headless', ...args], { ...options, env: { ...env, MOZ_HEADLESS: '1' } });
    }
    this.process.stdout.pipe(log);
    this.process.stderr.pipe(log);
    this.exited = new Promise(resolve =>
      this.process.on('exit', (code, signal) => resolve({ code, signal })),
    );
    this.marionette = new Marionette(this.marionettePort);
    await this.marionette.connect(90_000);
    const session = await this.marionette.send('WebDriver:NewSession', { capabilities: {} });
    await this.marionette.send('Marionette:SetContext', { value: 'chrome' });
    await this.marionette.send('WebDriver:SetTimeouts', { script: 180_000 });
    return session?.capabilities?.browserVersion ?? '';
  }

  /** Runs an async chrome-context script with the helpers of chrome.mjs; `return` gives its value. */
  chrome(body, args = [], timeoutMs = 60_000) {
    return this.marionette.chrome(PRELUDE + body, args, timeoutMs);
  }

  /** A PNG of the whole Thunderbird window, as Marionette draws it (chrome context). */
  async screenshot() {
    const answer = await this.marionette.send('WebDriver:TakeScreenshot', { full: false, hash: false });
    return Buffer.from(answer?.value ?? answer, 'base64');
  }

  /** Quits like a user; resolves with {code, signal}, or null if it did not exit within 30 s. */
  async quit() {
    await this.marionette.send('Marionette:Quit', { flags: ['eAttemptQuit'] }).catch(() => undefined);
    this.marionette.close();
    const exit = await Promise.race([this.exited, sleep(30_000).then(() => null)]);
    if (exit) {
      this.process = undefined;
    }
    return exit;
  }

  /** After a failure: ends the process group this object started, if it is still running. */
  async kill() {
    this.marionette?.close();
    if (!this.process || this.process.exitCode !== null) {
      return;
    }
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-this.process.pid, signal);
      } catch {
        return; // already gone
      }
      await sleep(2000);
    }
  }
}
