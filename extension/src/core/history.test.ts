import { expect, test } from 'vitest';
import { analysisOf, testMessage } from '../test-support/fake-engine';
import { NOW, scenario } from '../test-support/scenario';
import { AutomatedHistory } from './history';

const HOUR = 3600_000;

test('the window counts automated mail of the last 24 hours, once per message, with its recipient domains', () => {
  const history = new AutomatedHistory();
  const ndr = analysisOf('ndr', ['x@y']);
  history.record('a', ndr, NOW - HOUR);
  history.record('a', ndr, NOW - HOUR);
  history.record('b', ndr, NOW - 2 * HOUR);
  history.record('old', ndr, NOW - 30 * HOUR);
  expect(history.snapshot(NOW)).toEqual({
    automatedInWindow: 2,
    distinctRecipientDomains: 1,
    windowHours: 24,
  });
});

test('a sweep of old bounces does not make a campaign now: mail is counted at its date', async () => {
  const s = scenario();
  for (let i = 0; i < 20; i++) {
    s.tb.deliver(s.inbox, testMessage('backscatter', `old-${i}@x`), {
      headerMessageId: `old-${i}@x`,
      received: new Date(NOW - 90 * 24 * HOUR),
    });
  }
  let seen: unknown;
  const verdict = s.engine.verdict!;
  const decide = verdict.decide;
  verdict.decide = (analysis, profile, lookups, history) => {
    seen = history;
    return decide(analysis, profile, lookups, history);
  };
  for (const message of s.tb.inFolder(s.inbox)) {
    await s.app.checker.check(message.id);
  }
  expect(seen).toMatchObject({ automatedInWindow: 3 });
});
