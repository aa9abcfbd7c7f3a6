// What each end-to-end suite needs from the system, and the plan for a run: which suites run, and for
// each one that cannot, one line naming the missing Debian packages and how to install them. `npm test`
// on a machine with only Node passes with the suites reported as not run; under CI=true a missing
// package fails the run (CI installs .ci/apt-packages first, so a gap there is a real failure).
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * Per suite (the npm script name), the Debian packages and how to tell each is there: an executable
 * on PATH (`bin`) or a file at a fixed path (`file`); `env` names a variable that overrides the path.
 */
export const REQUIREMENTS = {
  'test:e2e:thunderbird': [
    { pkg: 'thunderbird', bin: 'thunderbird' },
    { pkg: 'dovecot-imapd', file: '/usr/lib/dovecot/imap' },
  ],
  // 140 ESR unpacked beside the installed Thunderbird by scripts/thunderbird-esr140.sh (.ci/run does it).
  'test:e2e:thunderbird-esr140': [
    { pkg: 'dovecot-imapd', file: '/usr/lib/dovecot/imap' },
    {
      pkg: 'thunderbird (140 ESR, unpacked)',
      file: '/opt/thunderbird-140/usr/lib/thunderbird/thunderbird',
      install: 'sudo bash scripts/thunderbird-esr140.sh',
    },
  ],
  // The sweep page in a real window (Xvfb): move and Undo over IMAP and in Local Folders.
  'test:e2e:thunderbird-sweep': [
    { pkg: 'thunderbird', bin: 'thunderbird' },
    { pkg: 'dovecot-imapd', file: '/usr/lib/dovecot/imap' },
    { pkg: 'xvfb', file: '/usr/bin/Xvfb' },
  ],
  'test:e2e:addin': [{ pkg: 'chromium', file: '/usr/bin/chromium', env: 'CHROMIUM_PATH' }],
  // The flood report's HTML export opened offline in Chromium.
  'test:e2e:report': [{ pkg: 'chromium', file: '/usr/bin/chromium', env: 'CHROMIUM_PATH' }],
};

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Probes the real system; tests pass their own `env` (PATH) and `isExecutable`. */
export function missingPackages(suite, { env = process.env, isExecutable = executable } = {}) {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return (REQUIREMENTS[suite] ?? [])
    .filter(req => {
      if (req.bin) {
        return !dirs.some(dir => isExecutable(path.join(dir, req.bin)));
      }
      return !isExecutable((req.env && env[req.env]) || req.file);
    })
    .map(req => req.pkg);
}

/** The command that installs what is missing: apt-get, unless a requirement says otherwise. */
function installCommand(suite, missing) {
  const own = (REQUIREMENTS[suite] ?? []).filter(req => req.install && missing.includes(req.pkg));
  const apt = missing.filter(pkg => !own.some(req => req.pkg === pkg));
  return [
    ...(apt.length > 0 ? [`sudo apt-get install ${apt.join(' ')}`] : []),
    ...own.map(req => req.install),
  ].join(' && ');
}

/** Which suites run, which are skipped (with the line to print), and whether that fails the run. */
export function plan(suites, options = {}) {
  const env = options.env ?? process.env;
  const ci = env.CI === 'true' || env.CI === '1';
  const run = [];
  const skipped = [];
  for (const suite of suites) {
    const missing = missingPackages(suite, options);
    if (missing.length === 0) {
      run.push(suite);
    } else {
      skipped.push({
        suite,
        missing,
        line:
          `${suite} not run: missing Debian package${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` +
          ` — install with: ${installCommand(suite, missing)}` +
          (ci ? ' (CI=true: this fails the run)' : ''),
      });
    }
  }
  return { run, skipped, fail: ci && skipped.length > 0 };
}
