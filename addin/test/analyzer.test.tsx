// The standalone analyzer never mixes users (issue 12 §3): a sample runs in its own context, and the
// user's files are judged with the user's inputs only, whatever samples were tried before.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import backscatterSample from '../public/samples/backscatter-postfix.eml?raw';
import realBounceSample from '../public/samples/real-bounce-exim.eml?raw';
import sentMbox from '../public/samples/sent.mbox?raw';
import { Analyzer, SAMPLE_OWNER } from '../src/standalone/Analyzer';
import { sentLookup, sentProfile } from '../src/standalone/sent-index';
import { makeAssess, profileFromAddress } from '../src/verdict/assess';
import { engine } from '../src/verdict/engine';

afterEach(cleanup);

const SAMPLES: Record<string, string> = {
  'backscatter-postfix.eml': backscatterSample,
  'real-bounce-exim.eml': realBounceSample,
  'sent.mbox': sentMbox,
};

function renderAnalyzer() {
  return render(
    <Analyzer
      lang="en"
      fetchSample={async file => new TextEncoder().encode(SAMPLES[file] ?? '')}
      assessFor={(addresses, sent) =>
        makeAssess(engine, () =>
          sent
            ? { profile: sentProfile(sent, addresses), lookup: sentLookup(sent) }
            : { profile: profileFromAddress(addresses) },
        )
      }
    />,
  );
}

async function upload(container: Element, name: string, text: string): Promise<string> {
  const input = container.querySelector<HTMLInputElement>('input[name="files"]')!;
  const file = new File([text], name, { type: 'message/rfc822' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  return waitFor(() => {
    const row = container.querySelector(
      `[data-file="${name}"][data-sample-row="no"][data-done="yes"] [data-verdict]`,
    );
    expect(row).not.toBeNull();
    return row!.getAttribute('data-verdict')!;
  });
}

describe('the standalone analyzer', () => {
  test('a sample, then the user’s own bounce: the same verdict as without the sample', async () => {
    // The user's "own" bounce is the sample's forged one, about alice's address: with alice's Sent
    // folder loaded (the old behaviour) it reads "you did not send this".
    const fresh = renderAnalyzer();
    const alone = await upload(fresh.container, 'mine.eml', backscatterSample);
    cleanup();

    const { container } = renderAnalyzer();
    fireEvent.click(container.querySelector('[data-sample="backscatter-postfix.eml"]')!);
    await waitFor(() =>
      expect(
        container.querySelector('[data-sample-row="yes"][data-done="yes"] [data-verdict="backscatter"]'),
      ).not.toBeNull(),
    );
    // The sample changed none of the user's inputs, and says in whose name it ran.
    expect(container.querySelector<HTMLTextAreaElement>('textarea[name="addresses"]')!.value).toBe('');
    expect(container.querySelector('[data-sent-count]')).toBeNull();
    expect(container.querySelector('[data-sample-row="yes"]')!.textContent).toContain(SAMPLE_OWNER);

    const after = await upload(container, 'mine.eml', backscatterSample);
    expect(after).toBe(alone);
    expect(after).not.toBe('backscatter');
  });

  test('what is loaded is shown and can be removed', async () => {
    const { container } = renderAnalyzer();
    const sent = container.querySelector<HTMLInputElement>('input[name="sent"]')!;
    Object.defineProperty(sent, 'files', {
      value: [new File([sentMbox], 'my-sent.mbox')],
      configurable: true,
    });
    fireEvent.change(sent);
    await waitFor(() => expect(container.querySelector('[data-sent-count="2"]')).not.toBeNull());
    expect(container.querySelector('[data-loaded]')!.textContent).toContain('2 sent messages loaded');
    expect(container.querySelector('.bsg-sent-files')!.textContent).toBe('my-sent.mbox');
    fireEvent.click(container.querySelector('[data-action="remove-sent"]')!);
    await waitFor(() => expect(container.querySelector('[data-sent-count]')).toBeNull());
    await upload(container, 'x.eml', realBounceSample);
    fireEvent.click(container.querySelector('[data-action="remove-row"]')!);
    await waitFor(() => expect(container.querySelector('[data-file="x.eml"]')).toBeNull());
  });
});
