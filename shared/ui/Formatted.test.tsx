import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { format } from '../i18n/index';
import type { Decision } from '../src/types';
import { Formatted, FormattedText } from './Formatted';
import { VerdictCard } from './VerdictCard';

afterEach(cleanup);

// The Trojan Source characters (RLO, the four isolates) and plain right-to-left letters.
const HOSTILE = ['\u202e', '\u2066', '\u2067', '\u2068', '\u2069', 'עברית', 'عربى'];

describe('FormattedText', () => {
  test('each value sits in its own <bdi>; the product’s words stay outside', () => {
    const { container } = render(
      <FormattedText
        template="The address {recipient} does not exist ({n})."
        params={{ recipient: 'x', n: 2 }}
      />,
    );
    expect(container.textContent).toBe('The address x does not exist (2).');
    expect([...container.querySelectorAll('bdi')].map(b => b.textContent)).toEqual(['x', '2']);
  });

  test('a placeholder without a param stays visible, as format() leaves it', () => {
    const { container } = render(<FormattedText template="Host {host}." params={{}} />);
    expect(container.textContent).toBe('Host {host}.');
    expect(container.querySelector('bdi')).toBeNull();
  });

  test('same text as format() for every shared key the fixtures use', () => {
    const params = { recipient: 'bob@example.com', diagnostic: '550 no', host: 'h', ip: '1.2.3.4' };
    for (const k of ['explain.user-unknown', 'explain.server-said', 'evidence.entry-hop.foreign']) {
      const { container } = render(<Formatted k={k} params={params} lang="de" />);
      expect(container.textContent).toBe(format(k, params, 'de'));
      cleanup();
    }
  });
});

describe('bidi in message data cannot reach the card’s own text', () => {
  test.each(HOSTILE.map(c => ({ c, name: [...c].map(x => x.codePointAt(0)!.toString(16)).join(' ') })))(
    'U+$name in host, address, status and diagnostic: all inside <bdi>',
    ({ c }) => {
      const decision: Decision = {
        verdict: 'legitimate',
        confidence: 0.9,
        evidence: [
          {
            signal: 'entry-hop',
            direction: 'backscatter',
            weight: 2,
            params: { variant: 'foreign', host: `evil${c}.example`, ip: `1.2.3.4${c}` },
          },
        ],
        explanation: [
          {
            recipient: `bob${c}@example.com`,
            reason: 'user-unknown',
            status: `5.1.1${c}`,
            key: 'explain.user-unknown',
            params: { diagnostic: `550 ${c}user unknown` },
          },
        ],
      };
      const { container } = render(<VerdictCard decision={decision} kind="ndr" />);
      // Every text node holding the hostile character lies inside a <bdi>.
      const walker = document.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
      let holders = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent?.includes(c)) {
          holders += 1;
          expect(node.parentElement?.tagName).toBe('BDI');
        }
      }
      expect(holders).toBeGreaterThanOrEqual(4);
    },
  );
});
