// Large files are read piece by piece (readFile stops at 2 GiB; mbox files grow past it). With small
// limits the streamed reading must give exactly what reading the whole file gives.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readMessages, type InputMessage, type StreamLimits } from '../src/inputs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const mbox0 = readFileSync(path.resolve(repoRoot, 'test/corpus/sisimai/mailbox/mbox-0'));
const noStdin = (): Promise<Uint8Array> => Promise.resolve(new Uint8Array());

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bg-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(file: string, limits?: StreamLimits): Promise<InputMessage[]> {
  const out: InputMessage[] = [];
  for await (const m of readMessages(
    { type: 'file', path: file, size: readFileSync(file).length },
    noStdin,
    limits,
  )) {
    out.push(m);
  }
  return out;
}
const summary = (ms: InputMessage[]): [string, string][] =>
  ms.map(m => [m.source, Buffer.from(m.bytes ?? new Uint8Array()).toString('latin1')]);

test.each([64, 1000, 4096, 100_000])(
  'mbox-0 streamed in %i-byte pieces equals reading it whole',
  async chunk => {
    const file = path.join(dir, 'mbox-0');
    writeFileSync(file, mbox0);
    const whole = await collect(file);
    const streamed = await collect(file, { streamFrom: 0, chunk, maxSingle: 1 << 20 });
    expect(whole).toHaveLength(37);
    expect(summary(streamed)).toEqual(summary(whole));
    expect(streamed.at(-1)?.position).toBe(mbox0.length);
  },
);

test('one message much larger than a piece', async () => {
  const big = `From a@x Thu Sep 18 17:54:04 2008\nSubject: big\n\n${'y'.repeat(50_000)}\n\nFrom b@x Thu Sep 18 17:54:05 2008\nSubject: small\n\nz\n`;
  const file = path.join(dir, 'big.mbox');
  writeFileSync(file, big);
  const streamed = await collect(file, { streamFrom: 0, chunk: 512, maxSingle: 1 << 20 });
  expect(streamed.map(m => [m.source.split('#')[1], m.bytes?.length])).toEqual([
    ['1', 'Subject: big\n\n'.length + 50_001],
    ['2', 'Subject: small\n\nz\n'.length],
  ]);
});

test('a large file that is not an mbox is one message, read up to maxSingle', async () => {
  const file = path.join(dir, 'huge.eml');
  writeFileSync(file, 'Subject: x\n\n' + 'a'.repeat(10_000));
  const streamed = await collect(file, { streamFrom: 0, chunk: 1000, maxSingle: 4000 });
  expect(streamed).toHaveLength(1);
  expect(streamed[0]?.source).toBe(file);
  expect(streamed[0]?.bytes?.length).toBe(4000);
});

test('a large mbox with no message in it is reported', async () => {
  const file = path.join(dir, 'hollow.mbox');
  writeFileSync(file, 'From a@x Thu Sep 18 17:54:04 2008\n\n'.repeat(100));
  const streamed = await collect(file, { streamFrom: 0, chunk: 256, maxSingle: 1 << 20 });
  expect(streamed.map(m => [m.source, m.error])).toEqual([[file, 'mbox holds no message']]);
});
