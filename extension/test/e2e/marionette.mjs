// A small Marionette client (protocol level 3): Thunderbird started with --marionette listens on
// 127.0.0.1; each packet is `<length>:<json>`, commands are [0, id, name, params] and answers
// [1, id, error, result]. Used to drive the 3-pane window and read the banner from chrome context.
import net from 'node:net';

export class Marionette {
  constructor(port) {
    this.port = port;
    this.nextId = 1;
    this.pending = new Map();
    this.buffer = Buffer.alloc(0);
  }

  /** Connects, retrying until Thunderbird's Marionette server is up. */
  async connect(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.connectOnce();
      } catch (error) {
        if (Date.now() > deadline) {
          throw error;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    }
  }

  connectOnce() {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.port, '127.0.0.1');
      let greeted = false;
      socket.once('error', error => (greeted ? undefined : reject(error)));
      socket.on('data', chunk => {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
          const colon = this.buffer.indexOf(0x3a);
          if (colon < 0) {
            return;
          }
          const length = Number(this.buffer.subarray(0, colon).toString());
          if (this.buffer.length < colon + 1 + length) {
            return;
          }
          const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
          this.buffer = this.buffer.subarray(colon + 1 + length);
          if (!greeted) {
            greeted = true;
            this.socket = socket;
            resolve(packet);
            continue;
          }
          const [, id, error, result] = packet;
          const waiter = this.pending.get(id);
          this.pending.delete(id);
          if (waiter) {
            if (error) {
              waiter.reject(new Error(`${error.error}: ${error.message}`));
            } else {
              waiter.resolve(result);
            }
          }
        }
      });
      socket.on('close', () => {
        for (const waiter of this.pending.values()) {
          waiter.reject(new Error('Marionette connection closed'));
        }
        this.pending.clear();
      });
    });
  }

  send(name, params = {}) {
    const id = this.nextId++;
    const payload = JSON.stringify([0, id, name, params]);
    this.socket.write(`${Buffer.byteLength(payload)}:${payload}`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Runs an async chrome-context script; the script calls `resolve(value)` (its last argument). */
  async chrome(body, args = [], timeoutMs = 60_000) {
    const script = `const resolve = arguments[arguments.length - 1];\n(async () => {\n${body}\n})().then(resolve, error => resolve({ __error: String(error) + '\\n' + (error && error.stack) }));`;
    const { value } = await this.send('WebDriver:ExecuteAsyncScript', {
      script,
      args,
      newSandbox: false,
      scriptTimeout: timeoutMs,
    });
    if (value && typeof value === 'object' && '__error' in value) {
      throw new Error(`chrome script failed: ${value.__error}`);
    }
    return value;
  }

  close() {
    this.socket?.destroy();
  }
}
