import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Decision, MessageKind } from '../src/types';
import { backscatterDecision, legitimateDecision, noVerdict, unsureDecision } from './fixtures';
import { VerdictCard } from './VerdictCard';

afterEach(cleanup);

describe('VerdictCard renders each verdict', () => {
  test.each<{
    name: string;
    decision: Decision;
    kind: MessageKind;
    lang?: 'en' | 'de';
    texts: string[];
    absent: string[];
  }>([
    {
      name: 'backscatter',
      decision: backscatterDecision,
      kind: 'ndr',
      texts: [
        'Backscatter: you did not send this',
        'This delivery failure is about a message someone else sent in your name, not about your mail.',
        'Confidence: 93%',
        'The bounced message abc@mail.gmail.com is not in your Sent folder.',
      ],
      absent: ['What happened', 'safely delete'],
    },
    {
      name: 'legitimate, with the explanation and the server’s words',
      decision: legitimateDecision,
      kind: 'ndr',
      texts: [
        'A real delivery failure about your message',
        'What happened',
        'The address bob@example.com does not exist.',
        'Check the spelling of the address, or ask the person for their current one.',
        'Status 5.1.1',
        'The server said: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown',
      ],
      absent: [],
    },
    {
      name: 'unsure, with the explanation under “if you did send it”',
      decision: unsureDecision,
      kind: 'ndr',
      texts: [
        'Not sure whether you sent this',
        'If you did send it, this is what happened',
        'The mailbox of carol@example.net is full.',
      ],
      absent: ['Confidence: 0%'],
    },
    {
      name: 'German',
      decision: legitimateDecision,
      kind: 'ndr',
      lang: 'de',
      texts: [
        'Eine echte Unzustellbarkeitsmeldung zu Ihrer Nachricht',
        'Die Adresse bob@example.com gibt es nicht.',
      ],
      absent: [],
    },
    {
      name: 'no verdict (ordinary mail)',
      decision: noVerdict,
      kind: 'other',
      texts: ['Not an automated reply'],
      absent: ['Confidence', 'Why', 'More evidence'],
    },
  ])('$name', ({ decision, kind, lang, texts, absent }) => {
    const { container } = render(<VerdictCard decision={decision} kind={kind} {...(lang ? { lang } : {})} />);
    const text = container.textContent ?? '';
    for (const expected of texts) {
      expect(text).toContain(expected);
    }
    for (const unexpected of absent) {
      expect(text).not.toContain(unexpected);
    }
    expect(container.querySelector('section')?.getAttribute('data-verdict')).toBe(decision.verdict ?? 'none');
  });
});

describe('reasons', () => {
  test('lists at most maxReasons directed reasons, strongest first', () => {
    const { container } = render(
      <VerdictCard decision={backscatterDecision} kind="ndr" maxReasons={2} showEvidence={false} />,
    );
    const items = [...container.querySelectorAll('.bg-verdict__reasons li')].map(li =>
      li.getAttribute('data-signal'),
    );
    expect(items).toEqual(['sent-original', 'entry-hop']);
  });

  test('falls back to neutral notes when there is nothing else', () => {
    const { container } = render(<VerdictCard decision={unsureDecision} kind="ndr" showEvidence={false} />);
    expect(container.querySelector('.bg-verdict__reasons li')?.getAttribute('data-signal')).toBe(
      'no-original',
    );
  });

  test('"More evidence" lists only what the reasons did not, without internal weights', () => {
    const { container } = render(<VerdictCard decision={backscatterDecision} kind="ndr" maxReasons={2} />);
    const details = container.querySelector('details.bg-verdict__details');
    const listed = [...container.querySelectorAll('.bg-verdict__reasons li')].map(li =>
      li.getAttribute('data-signal'),
    );
    const more = [...(details?.querySelectorAll('li') ?? [])].map(li => li.getAttribute('data-signal'));
    expect(listed).toHaveLength(2);
    expect(more).toHaveLength(backscatterDecision.evidence.length - 2);
    expect(more.some(signal => listed.includes(signal))).toBe(false);
    expect(details?.textContent).not.toContain('weight');
  });
});

describe('tone and user override', () => {
  test.each([
    { name: 'backscatter', decision: backscatterDecision, kind: 'ndr' as const, tone: 'backscatter' },
    { name: 'real delivery failure', decision: legitimateDecision, kind: 'ndr' as const, tone: 'failure' },
    { name: 'real auto-reply', decision: legitimateDecision, kind: 'auto-reply' as const, tone: 'info' },
    { name: 'real delay', decision: legitimateDecision, kind: 'delay' as const, tone: 'info' },
    { name: 'unsure', decision: unsureDecision, kind: 'ndr' as const, tone: 'unsure' },
  ])('$name → $tone', ({ decision, kind, tone }) => {
    const { container } = render(<VerdictCard decision={decision} kind={kind} />);
    const section = container.querySelector('section');
    expect(section?.getAttribute('data-tone')).toBe(tone);
    expect(section?.classList.contains(`bg-tone--${tone}`)).toBe(true);
  });

  test('"not backscatter" reads as the user’s choice and keeps the evidence as the checks found it', () => {
    const { container } = render(<VerdictCard decision={backscatterDecision} kind="ndr" userOverride />);
    const text = container.textContent ?? '';
    expect(text).toContain('You marked this as not backscatter');
    expect(text).toContain('The checks said “Backscatter” (93%)');
    expect(text).toContain('What the checks found');
    expect(text).toContain('Points to backscatter');
    expect(text).not.toContain('A real delivery failure');
    expect(text).not.toContain('virus');
    expect(container.querySelector('section')?.getAttribute('data-tone')).toBe('user');
  });
});

// The in-message banner (issue 11 item 8): the card arrives as one line, so the message text moves
// by one line, and the rest opens only when the user asks.
describe('collapsed: the one-line card', () => {
  const junk = { id: 'junk', label: 'Move to Junk', onAction: () => undefined, variant: 'primary' as const };
  const keep = { id: 'not-backscatter', label: 'Not backscatter', onAction: () => undefined };
  test.each([
    {
      name: 'backscatter: the title and the suggested action',
      decision: backscatterDecision,
      actions: [junk, keep],
      line: ['Backscatter: you did not send this', 'Move to Junk'],
      folded: [
        'someone else sent in your name',
        'Confidence: 93%',
        'is not in your Sent folder',
        'Not backscatter',
      ],
    },
    {
      name: 'legitimate: the title only',
      decision: legitimateDecision,
      actions: [],
      line: ['A real delivery failure about your message'],
      folded: ['about a message you sent', 'What happened', 'does not exist', 'Status 5.1.1', 'Confidence:'],
    },
    {
      name: 'unsure: the first action on the line, the other folded',
      decision: unsureDecision,
      actions: [{ ...junk, variant: 'secondary' as const }, keep],
      line: ['Not sure whether you sent this', 'Move to Junk'],
      folded: ['Not backscatter'],
    },
  ])('$name', ({ decision, actions, line, folded }) => {
    const { container } = render(
      <VerdictCard decision={decision} kind="ndr" collapsed showEvidence={false} actions={actions} />,
    );
    const lineEl = container.querySelector('.bg-verdict__line');
    const more = container.querySelector<HTMLElement>('.bg-verdict__more');
    const lineText = lineEl?.textContent ?? '';
    expect(lineText).toBe(line.join(''));
    expect(more?.hidden).toBe(true);
    // Not rendered until opened (the banner draws this card for every bounce shown).
    expect(more?.childNodes.length).toBe(0);
    fireEvent.click(container.querySelector('.bg-verdict__toggle')!);
    for (const text of folded) {
      expect(more?.textContent).toContain(text);
      expect(lineText).not.toContain(text);
    }
  });

  test('the title is the toggle: a button in the heading that opens and closes the rest, and says so', () => {
    const { container } = render(
      <VerdictCard
        decision={backscatterDecision}
        kind="ndr"
        collapsed
        actions={[junk, keep]}
        more={<p data-hint="x">hint</p>}
      />,
    );
    const toggle = container.querySelector<HTMLButtonElement>(
      'h2.bg-verdict__title > button.bg-verdict__toggle',
    );
    const more = container.querySelector<HTMLElement>('.bg-verdict__more');
    expect(toggle?.textContent).toBe('Backscatter: you did not send this');
    expect(toggle?.getAttribute('aria-controls')).toBe(more?.id);
    expect(more?.id).not.toBe('');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle!);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(more?.hidden).toBe(false);
    // The shell's extra comes first in the folded part; the focus order stays toggle, then actions.
    expect(more?.firstElementChild?.getAttribute('data-hint')).toBe('x');
    expect([...container.querySelectorAll('button')].map(b => b.dataset.action ?? 'toggle')).toEqual([
      'toggle',
      'junk',
      'not-backscatter',
    ]);
    fireEvent.click(toggle!);
    expect(more?.hidden).toBe(true);
    expect(more?.childNodes.length).toBe(0);
    // The toggle is the same element throughout: keyboard focus stays on it.
    toggle!.focus();
    fireEvent.click(toggle!);
    expect(container.querySelector('.bg-verdict__toggle')).toBe(toggle);
    expect(document.activeElement).toBe(toggle);
    expect(more?.firstElementChild?.getAttribute('data-hint')).toBe('x');
  });

  test('not collapsed: the full card has no toggle and nothing folded (the Outlook pane and popup)', () => {
    const { container } = render(<VerdictCard decision={backscatterDecision} kind="ndr" actions={[junk]} />);
    expect(container.querySelector('.bg-verdict__toggle')).toBeNull();
    expect(container.querySelector('[hidden]')).toBeNull();
    expect(container.textContent).toContain('Confidence: 93%');
  });
});

describe('actions', () => {
  test('calls the callback of the clicked button only', () => {
    const onDelete = vi.fn();
    const onKeep = vi.fn();
    render(
      <VerdictCard
        decision={backscatterDecision}
        kind="ndr"
        actions={[
          { id: 'delete', label: 'Delete', onAction: onDelete, variant: 'danger' },
          { id: 'keep', label: 'Keep', onAction: onKeep },
        ]}
      />,
    );
    fireEvent.click(screen.getByText('Delete'));
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(onKeep).not.toHaveBeenCalled();
    expect(screen.getByText('Delete').getAttribute('data-action')).toBe('delete');
  });

  test.each([
    { busy: true, disabled: false, expected: true },
    { busy: false, disabled: true, expected: true },
    { busy: false, disabled: false, expected: false },
  ])('busy=$busy disabled=$disabled → button disabled $expected', ({ busy, disabled, expected }) => {
    const onAction = vi.fn();
    render(
      <VerdictCard
        decision={backscatterDecision}
        kind="ndr"
        busy={busy}
        actions={[{ id: 'junk', label: 'Junk', onAction, disabled }]}
      />,
    );
    const button = screen.getByText('Junk') as HTMLButtonElement;
    expect(button.disabled).toBe(expected);
    fireEvent.click(button);
    expect(onAction).toHaveBeenCalledTimes(expected ? 0 : 1);
  });
});

describe('message content is text, never markup', () => {
  test('a hostile diagnostic and host name render as literal text', () => {
    const hostile = '<img src=x onerror=alert(1)><script>bad()</script>';
    const decision: Decision = {
      verdict: 'legitimate',
      confidence: 0.9,
      evidence: [
        {
          signal: 'entry-hop',
          direction: 'backscatter',
          weight: 1,
          params: { variant: 'foreign', host: hostile, ip: '1.2.3.4' },
        },
      ],
      explanation: [
        {
          recipient: hostile,
          reason: 'other',
          status: '5.0.0',
          key: 'explain.other',
          params: { diagnostic: hostile },
        },
      ],
    };
    const { container } = render(<VerdictCard decision={decision} kind="ndr" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });
});

test('an abuse feedback report without a verdict is named, never called ordinary mail', () => {
  const decision: Decision = { verdict: undefined, confidence: 0, evidence: [], explanation: [] };
  const { container } = render(<VerdictCard decision={decision} kind="feedback-report" />);
  expect(container.textContent).toContain('abuse feedback report');
  expect(container.textContent).not.toContain('ordinary mail');
  cleanup();
  const ordinary = render(<VerdictCard decision={decision} kind="other" />);
  expect(ordinary.container.textContent).toContain('ordinary mail');
});
