// The one corpus harness: every message of test/corpus against one expectation table
// (expected.tsv), plus an independent cross-check with Sisimai 5.1.0's own output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze, type Analysis } from '../../src/index';
import { MTAS } from '../../src/report/mta/index';
import { CORPUS, corpusMessages } from './corpus';

interface Row {
  kind: string;
  recipients: string;
  messageId: string;
  note: string;
}

function readTable(): Map<string, Row> {
  const rows = new Map<string, Row>();
  const text = readFileSync(join(import.meta.dirname, 'expected.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const [file, kind, recipients, messageId, note] = line.split('\t');
    rows.set(file!, { kind: kind!, recipients: recipients!, messageId: messageId!, note: note ?? '' });
  }
  return rows;
}

const recipientsOf = (a: Analysis) => [...new Set(a.recipients.map(r => r.address))].sort().join(',') || '-';

const results = new Map<string, Analysis>();
const table = readTable();

describe('corpus', () => {
  beforeAll(async () => {
    for (const m of corpusMessages()) {
      results.set(m.id, await analyze(m.bytes));
    }
  }, 120_000);

  test('every message has a row and every row a message', () => {
    const noRow = [...results.keys()].filter(id => !table.has(id));
    const noMessage = [...table.keys()].filter(id => !results.has(id));
    expect(noRow).toEqual([]);
    expect(noMessage).toEqual([]);
  });

  test.each(['bsd', 'dos', 'mac'])('kind is right for ≥ 99.5%% of maildir/%s', dir => {
    const ids = [...table.keys()].filter(id => id.startsWith(`sisimai/maildir/${dir}/`));
    const wrong = ids.filter(id => results.get(id)?.kind !== table.get(id)!.kind);
    expect(ids.length).toBeGreaterThan(50);
    expect(wrong.length / ids.length, `wrong: ${wrong.join(', ')}`).toBeLessThanOrEqual(0.005);
  });

  test('CRLF and CR-only copies read exactly like the LF originals', () => {
    for (const dir of ['dos', 'mac']) {
      for (const id of [...results.keys()].filter(k => k.startsWith(`sisimai/maildir/${dir}/`))) {
        const twin = results.get(id.replace(`/${dir}/`, '/bsd/'));
        if (!twin) {
          continue; // a few dos/ and mac/ samples have no LF twin
        }
        const a = results.get(id)!;
        expect({ id, kind: a.kind, rcpt: recipientsOf(a), mid: a.original?.messageId }).toEqual({
          id,
          kind: twin.kind,
          rcpt: recipientsOf(twin),
          mid: twin.original?.messageId,
        });
      }
    }
  });

  test('kind, failed recipients and original Message-ID match the table', () => {
    const kindWrong: string[] = [];
    const rcptWrong: string[] = [];
    const midWrong: string[] = [];
    for (const [id, row] of table) {
      const a = results.get(id);
      if (!a) {
        continue;
      }
      if (a.kind !== row.kind) {
        kindWrong.push(id);
      }
      if (recipientsOf(a) !== row.recipients) {
        rcptWrong.push(`${id}: ${recipientsOf(a)} ≠ ${row.recipients}`);
      }
      if ((a.original?.messageId ?? '-') !== row.messageId) {
        midWrong.push(`${id}: ${a.original?.messageId} ≠ ${row.messageId}`);
      }
    }
    // Known misses are rows whose note starts with "ours-": the table holds the truth, not our output.
    const knownMisses = [...table.entries()].filter(([, r]) => r.note.startsWith('ours-')).map(([id]) => id);
    expect(kindWrong).toEqual([]);
    expect(rcptWrong.filter(w => !knownMisses.some(k => w.startsWith(k)))).toEqual([]);
    expect(midWrong).toEqual([]);
    expect(rcptWrong.length / table.size).toBeLessThanOrEqual(0.01);
  });

  test('negatives in maildir/not that are not bounces stay ordinary mail', () => {
    for (const id of [
      'sisimai/maildir/not/is-not-bounce-01.eml',
      'sisimai/maildir/not/is-not-bounce-02.eml',
    ]) {
      expect(results.get(id)?.kind).toBe('other');
    }
  });

  test('the original Message-ID matches Sisimai 5.1.0 wherever it found one, or the table says why not', () => {
    const jsonl = readFileSync(join(CORPUS, 'expected/sisimai-5.1.0-results.jsonl'), 'utf8');
    const ids = new Map<string, string>();
    for (const line of jsonl.split('\n')) {
      const r = line ? (JSON.parse(line) as { file: string; messageid?: string }) : undefined;
      if (r?.messageid && r.file.startsWith('maildir/bsd/')) {
        ids.set(`sisimai/${r.file}`, r.messageid);
      }
    }
    const unexplained = [...ids].filter(
      ([file, id]) =>
        results.get(file)?.original?.messageId !== id && !/messageid/.test(table.get(file)?.note ?? ''),
    );
    expect(ids.size).toBeGreaterThan(500);
    expect(unexplained).toEqual([]);
  });

  test('failed recipients equal Sisimai 5.1.0 on ≥ 98% of maildir/bsd files where it found one', () => {
    const sisimai = new Map<string, Set<string>>();
    const jsonl = readFileSync(join(CORPUS, 'expected/sisimai-5.1.0-results.jsonl'), 'utf8');
    for (const line of jsonl.split('\n')) {
      if (!line) {
        continue;
      }
      const r = JSON.parse(line) as { file: string; recipient?: string };
      // Sisimai writes a placeholder when a report names no recipient; that is "found none".
      if (!r.recipient || r.recipient.endsWith('.invalid') || !r.file.startsWith('maildir/bsd/')) {
        continue;
      }
      const set = sisimai.get(r.file) ?? new Set<string>();
      set.add(r.recipient.toLowerCase());
      sisimai.set(r.file, set);
    }
    let agree = 0;
    const differ: string[] = [];
    for (const [file, set] of sisimai) {
      const a = results.get(`sisimai/${file}`);
      if (a && recipientsOf(a) === [...set].sort().join(',')) {
        agree++;
      } else {
        differ.push(file);
      }
    }
    // Every difference must be reviewed in the table.
    for (const file of differ) {
      expect(table.get(`sisimai/${file}`)?.note, file).toMatch(/\S/);
    }
    expect(sisimai.size).toBeGreaterThan(600);
    expect(agree / sisimai.size).toBeGreaterThanOrEqual(0.98);
  });

  test('the MTA that wrote a report is named for ≥ 95% of the Sisimai samples of MTAs we recognise', () => {
    // Sisimai's file families (lhost-<name>-NN) name the writer; several are one product to us.
    const alias: Record<string, string> = {
      exchange2003: 'exchange',
      exchange2007: 'exchange',
      office365: 'exchange',
      outlook: 'outlook-com',
      googlegroups: 'gmail',
      googleworkspace: 'gmail',
      v5sendmail: 'sendmail',
      einsundeins: 'gmx',
      amazonses: 'amazon-ses',
      amazonworkmail: 'amazon-ses',
      ezweb: 'kddi',
      notes: 'domino',
    };
    const ids = new Set(MTAS.map(m => m.id));
    let named = 0;
    let total = 0;
    for (const [id, a] of results) {
      const family = /^sisimai\/maildir\/bsd\/lhost-([a-z0-9]+)-\d+\.eml$/.exec(id)?.[1];
      const want = family ? (alias[family] ?? family) : undefined;
      if (want && ids.has(want)) {
        total++;
        named += a.mta === want ? 1 : 0;
      }
    }
    expect(total).toBeGreaterThan(350);
    expect(named / total).toBeGreaterThanOrEqual(0.95);
  });

  test('ordinary mail names no MTA', () => {
    for (const [id, a] of results) {
      if (a.kind === 'other') {
        expect(a.mta, id).toBeUndefined();
      }
    }
  });

  test('empty and one-byte mailboxes split into nothing', () => {
    expect([...results.keys()].some(k => k.startsWith('sisimai/mailbox/size-0#'))).toBe(false);
  });
});
