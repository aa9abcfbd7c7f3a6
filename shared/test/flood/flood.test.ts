// Issue 13, "done when": on a flood the answer is "forged", the chart shows the wave and the DMARC
// advice matches the policy the scenario's domain publishes; on a misused account the answer says so.
import { describe, expect, test } from 'vitest';
import { floodHtml, floodReport, type FloodReport } from '../../src/flood/index';
import { buildScenario, START, type ScenarioOptions } from './scenario';
import { decideScenario } from './run';

const HOUR = 3_600_000;

async function reportFor(options: ScenarioOptions) {
  const s = await buildScenario(options);
  const d = await decideScenario(s);
  return { s, d, report: floodReport(d.items, d.profile) };
}

describe('a forged flood on the user’s own domain (300 forged bounces over two days)', async () => {
  const { s, d, report } = await reportFor({ mode: 'forged' });

  test('the verdicts hold (no real bounce called backscatter)', () => {
    const wrong = d.items.filter(
      (it, i) => d.truths[i] === 'legitimate' && it.decision.verdict === 'backscatter',
    );
    expect(wrong).toEqual([]);
    expect(report.verdicts.backscatter).toBeGreaterThanOrEqual(290);
    expect(report.total).toBe(348);
  });

  test('the answer is "forged", with its evidence', () => {
    expect(report.answer.id).toBe('forged');
    expect(report.answer.params['count']).toBe(report.verdicts.backscatter);
    const ids = report.answer.evidence.map(e => e.id);
    expect(ids).toEqual(expect.arrayContaining(['foreign-entry', 'not-in-sent', 'auth-fail']));
    expect(report.answer.notes).toContainEqual({ id: 'real', params: { count: report.verdicts.legitimate } });
    expect(report.answer.accountMessageIds).toEqual([]);
  });

  test('the chart shows the wave: hourly, its peak inside the wave, quiet around it', () => {
    const t = report.timeline;
    expect(t.unit).toBe('hour');
    expect(t.peak!.start).toBeGreaterThanOrEqual(s.waveStart);
    expect(t.peak!.start).toBeLessThan(s.waveEnd);
    const inside = (b: FloodReport['timeline']['buckets'][number]) =>
      b.start >= s.waveStart - HOUR && b.start < s.waveEnd;
    const forgedOutside = t.buckets.filter(b => !inside(b)).reduce((n, b) => n + b.backscatter, 0);
    const forgedInside = t.buckets.filter(inside).reduce((n, b) => n + b.backscatter, 0);
    expect(forgedOutside).toBe(0);
    expect(forgedInside).toBe(report.verdicts.backscatter);
    // A wave, not a plateau: the peak hour holds several times the average hour of the wave.
    expect(t.peak!.backscatter).toBeGreaterThan((2 * forgedInside) / 48);
  });

  test('the campaign: subjects as text, many bouncing domains, bot entry hosts', () => {
    const c = report.campaign;
    expect(c.subjects.map(x => x.text)).toContain('Cheap meds without prescription');
    expect(c.bouncingDomains).toBeGreaterThan(100);
    expect(c.distinctEntryHosts).toBe(40);
    expect(c.botEntries).toBe(c.traced);
    // The bots that said HELO with the user's own domain are shown by address, the name as a claim.
    expect(c.entryHosts.some(h => h.claimed === s.persona.domain && h.host === h.ip)).toBe(true);
  });

  test('the DMARC advice matches the published policy (p=none → publish p=reject)', () => {
    expect(report.domain).toMatchObject({ domain: 'carol-home.example', kind: 'own' });
    expect(report.domain.dmarc.policy).toBe('none');
    expect(report.domain.spf.result).toBe('softfail');
    expect(report.domain.steps.map(x => x.id)).toEqual(['dmarc-none-to-reject']);
    expect(report.domain.dkim.realMailSignedBy).toEqual(['carol-home.example']);
  });

  test('the admin rules name the relay learned from real mail', () => {
    expect(report.relays).toEqual(['mail.carol-home.example']);
    expect(report.admin.map(a => a.id)).toEqual(['spamassassin', 'sieve', 'postfix', 'exim']);
    // Thunderbird writes Message-IDs at the bare domain: no Message-ID rule for Postfix.
    expect(report.admin.find(a => a.id === 'postfix')!.text).not.toMatch(/Message-ID/);
  });

  test('the HTML export holds the answer and the chart', () => {
    const html = floodHtml(report, 'en');
    expect(html).toContain('None of these <bdi>300</bdi> bounced messages was sent from your account');
    expect(html.match(/<rect [^>]*data-series="backscatter"/g)?.length).toBeGreaterThan(30);
  });
});

describe.each([
  ['reject', ['dmarc-reject-already']],
  ['quarantine', ['dmarc-quarantine-to-reject']],
  ['missing', ['publish-dmarc']],
] as const)('DMARC published as %s', (policy, steps) => {
  test('the advice follows what receivers recorded', async () => {
    const { report } = await reportFor({ mode: 'forged', forged: 40, policy, seed: 7 });
    expect(report.answer.id).toBe('forged');
    expect(report.domain.dmarc.policy).toBe(policy);
    expect(report.domain.steps.map(x => x.id)).toEqual(steps);
  });
});

describe('a forged flood on a provider address (gmail.com)', async () => {
  const { report } = await reportFor({ mode: 'forged', persona: 'gmail', forged: 60, seed: 11 });
  test('nothing to publish; what the provider offers; no admin rules for the provider’s servers', () => {
    expect(report.answer.id).toBe('forged');
    expect(report.domain).toMatchObject({ domain: 'gmail.com', kind: 'provider' });
    expect(report.domain.steps.map(x => x.id)).toEqual(['provider-cannot-publish', 'provider-report']);
    expect(report.admin).toEqual([]);
  });
});

describe('a misused account (spam sent through the provider with the password, not in Sent)', async () => {
  const { d, report } = await reportFor({ mode: 'account-used', persona: 'gmail' });
  test('the answer says the account was used, and why', () => {
    expect(report.answer.id).toBe('account-used');
    expect(report.answer.params['count']).toBe(d.truths.filter(t => t === 'account').length);
    const ids = report.answer.evidence.map(e => e.id);
    expect(ids).toEqual(
      expect.arrayContaining(['account-entry', 'account-auth-pass', 'account-not-in-sent', 'account-wave']),
    );
    expect(report.answer.accountMessageIds.length).toBeGreaterThan(0);
    expect(floodHtml(report, 'de')).toContain('Nachrichten wurden von Ihrem Konto gesendet');
  });

  test('a few unsaved messages from the account are a note, not an alarm', async () => {
    const few = await reportFor({ mode: 'account-used', persona: 'gmail', forged: 2, seed: 3 });
    // Two in two days: with spam words they count; without, they are only a note.
    expect(few.report.answer.id).toBe('account-used');
    const quiet = floodReport(
      few.d.items.map(it => ({
        ...it,
        decision: {
          ...it.decision,
          evidence: it.decision.evidence.filter(
            e => e.signal !== 'spam-content' && e.signal !== 'spam-recipients',
          ),
        },
      })),
      few.d.profile,
    );
    expect(quiet.answer.id).toBe('real-only');
    expect(quiet.answer.notes.map(n => n.id)).toContain('unsaved');
  });

  test('disowning one Sent message is enough', async () => {
    const calm = await reportFor({ mode: 'forged', forged: 0, persona: 'gmail', seed: 5 });
    expect(calm.report.answer.id).toBe('real-only');
    const index = calm.d.truths.indexOf('legitimate');
    const items = calm.d.items.map((it, i) => (i === index ? { ...it, disowned: true } : it));
    // The genuine originals of this scenario are in Sent: only the user's word makes one "not mine".
    const r = floodReport(items, calm.d.profile);
    expect(r.answer.id).toBe('account-used');
    expect(r.answer.evidence.map(e => e.id)).toContain('account-disowned');
  });
});

test('the scenario starts where the timeline says', async () => {
  const { report } = await reportFor({ mode: 'forged', forged: 10, seed: 2 });
  expect(report.first).toBeGreaterThanOrEqual(START);
});
