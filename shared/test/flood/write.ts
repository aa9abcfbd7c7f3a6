// Writes a flood scenario to disk for the CLI: `npx tsx shared/test/flood/write.ts DIR [forged|account-used] [persona]`
// → DIR/inbox.mbox (the messages, in arrival order) and DIR/sent.mbox (the persona's Sent folder).
// Then: backscatter-guard report --me ADDRESS --sent DIR/sent.mbox DIR/inbox.mbox
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildScenario, type Scenario } from './scenario';

/** mboxrd: a "From " separator per message, body lines starting with (>*)From quoted with one more '>'. */
export function toMbox(messages: readonly { bytes: Uint8Array; arrived?: number }[]): Buffer {
  const parts = messages.map(m => {
    const text = Buffer.from(m.bytes).toString('latin1').replace(/\r\n?/g, '\n');
    const when = new Date(m.arrived ?? 0)
      .toUTCString()
      .replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 $4');
    return `From MAILER-DAEMON ${when}\n${text.replace(/^(>*From )/gm, '>$1')}${text.endsWith('\n') ? '' : '\n'}\n`;
  });
  return Buffer.from(parts.join(''), 'latin1');
}

export function writeScenario(s: Scenario, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'inbox.mbox'), toMbox(s.messages));
  writeFileSync(path.join(dir, 'sent.mbox'), toMbox(s.sent.map(bytes => ({ bytes }))));
}

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) {
  const [dir = 'flood', mode = 'forged', persona] = process.argv.slice(2);
  const s = await buildScenario({
    mode: mode === 'account-used' ? 'account-used' : 'forged',
    ...(persona !== undefined ? { persona } : {}),
  });
  writeScenario(s, dir);
  console.log(`${s.messages.length} messages, ${s.sent.length} sent, for ${s.persona.address} → ${dir}`);
}
