import { describe, expect, test } from 'vitest';
import { parseArgs } from './args';

describe('accepts', () => {
  test.each<[string[], object]>([
    [['scan', 'a.eml'], { json: false, paths: ['a.eml'], me: [], sent: [] }],
    [['scan', '--json', 'dir/', '-'], { json: true, paths: ['dir/', '-'] }],
    [
      ['scan', '--me', 'Me@Example.org', '--me=alias@example.org', 'x'],
      { me: ['me@example.org', 'alias@example.org'], paths: ['x'] },
    ],
    [['scan', '--sent', 'Sent/', '--sent=sent.mbox', 'x'], { sent: ['Sent/', 'sent.mbox'], paths: ['x'] }],
    [['scan', '--no-color', '--no-progress', 'x'], { color: false, progress: false }],
    [['scan', '--color', 'x'], { color: true }],
    [['scan', '--lang', 'de', 'x'], { lang: 'de' }],
    [
      ['scan', '--relay', 'Mail.Example.org', '--relay=192.0.2.25', 'x'],
      { relays: ['mail.example.org', '192.0.2.25'] },
    ],
    [['scan', '--lang=de-AT', 'x'], { lang: 'de-AT' }],
    [['scan', '--profile-cache', 'p.json', 'x'], { profileCache: 'p.json', paths: ['x'] }],
    [['scan', '--profile-cache=p.json', 'x'], { profileCache: 'p.json' }],
    [['scan', '--', '--json'], { json: false, paths: ['--json'] }],
  ])('%j', (argv, expected) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok && 'options' in parsed ? parsed.options : parsed).toMatchObject(expected);
  });

  test.each([[['--help']], [['-h']], [['help']], [['scan', '--help']]])('%j is help', argv => {
    expect(parseArgs(argv)).toEqual({ ok: true, help: true });
  });
});

describe('rejects with a one-line reason', () => {
  test.each<[string[], RegExp]>([
    [[], /missing command/],
    [['list', 'x'], /unknown command "list"/],
    [['scan'], /nothing to scan/],
    [['scan', '--json'], /nothing to scan/],
    [['scan', '--frobnicate', 'x'], /unknown option --frobnicate/],
    [['scan', '--me', 'x'], /--me needs an email address/],
    [['scan', '--me'], /--me needs an email address, got nothing/],
    [['scan', '--me', 'not an address', 'x'], /--me needs an email address/],
    [['scan', '--sent'], /--sent needs a path/],
    [['scan', '--relay', 'not a host', 'x'], /--relay needs a host name/],
    [['scan', '--relay'], /--relay needs a host name/],
    [['scan', '--profile-cache'], /--profile-cache needs a file name/],
    [['scan', '--sent', '-', 'x'], /standard input/],
    [['scan', '-', '-'], /standard input/],
    [['scan', '--json=yes', 'x'], /takes no value/],
    [['scan', '--lang', 'x y', 'x'], /--lang needs a language tag/],
  ])('%j', (argv, reason) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(reason);
      expect(parsed.error).not.toContain('\n');
    }
  });
});
