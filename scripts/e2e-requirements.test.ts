import { describe, expect, test } from 'vitest';
import { missingPackages, plan, REQUIREMENTS } from './e2e-requirements.mjs';

const suites = Object.keys(REQUIREMENTS);
// A fake system: the executables that exist.
const system = (...files: string[]) => ({ isExecutable: (f: string) => files.includes(f) });
const TB140 = '/opt/thunderbird-140/usr/lib/thunderbird/thunderbird';
const full = system(
  '/usr/bin/thunderbird',
  '/usr/lib/dovecot/imap',
  '/usr/bin/chromium',
  TB140,
  '/usr/bin/Xvfb',
);

describe('e2e requirements', () => {
  test('every test:e2e:* script in package.json has its requirements listed', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(
      Object.keys(pkg.scripts)
        .filter(s => s.startsWith('test:e2e:'))
        .sort(),
    ).toEqual([...suites].sort());
  });

  test('everything installed: every suite runs', () => {
    const p = plan(suites, { env: { PATH: '/usr/bin' }, ...full });
    expect(p).toEqual({ run: suites, skipped: [], fail: false });
  });

  test('Node only: each suite is reported with its packages and the install command, and the run passes', () => {
    const p = plan(suites, { env: { PATH: '/usr/bin' }, ...system() });
    expect(p.run).toEqual([]);
    expect(p.fail).toBe(false);
    expect(p.skipped.map(s => s.line)).toEqual([
      'test:e2e:thunderbird not run: missing Debian packages thunderbird, dovecot-imapd — install with: sudo apt-get install thunderbird dovecot-imapd',
      'test:e2e:thunderbird-esr140 not run: missing Debian packages dovecot-imapd, thunderbird (140 ESR, unpacked) — install with: sudo apt-get install dovecot-imapd && sudo bash scripts/thunderbird-esr140.sh',
      'test:e2e:thunderbird-sweep not run: missing Debian packages thunderbird, dovecot-imapd, xvfb — install with: sudo apt-get install thunderbird dovecot-imapd xvfb',
      'test:e2e:addin not run: missing Debian package chromium — install with: sudo apt-get install chromium',
      'test:e2e:report not run: missing Debian package chromium — install with: sudo apt-get install chromium',
    ]);
  });

  test('under CI=true a missing package fails the run', () => {
    const p = plan(suites, { env: { PATH: '/usr/bin', CI: 'true' }, ...system('/usr/bin/chromium') });
    expect(p.run).toEqual(['test:e2e:addin', 'test:e2e:report']);
    expect(p.fail).toBe(true);
    expect(p.skipped[0]?.line).toContain('CI=true');
  });

  test('executables are looked up on PATH; CHROMIUM_PATH overrides the default path', () => {
    expect(
      missingPackages('test:e2e:thunderbird', {
        env: { PATH: '/opt/tb:/usr/bin' },
        ...system('/opt/tb/thunderbird', '/usr/lib/dovecot/imap'),
      }),
    ).toEqual([]);
    expect(missingPackages('test:e2e:thunderbird', { env: { PATH: '/usr/local/bin' }, ...full })).toEqual([
      'thunderbird',
    ]);
    expect(
      missingPackages('test:e2e:addin', { env: { CHROMIUM_PATH: '/opt/c' }, ...system('/opt/c') }),
    ).toEqual([]);
    expect(missingPackages('test:e2e:addin', { env: { CHROMIUM_PATH: '/opt/c' }, ...full })).toEqual([
      'chromium',
    ]);
  });
});
