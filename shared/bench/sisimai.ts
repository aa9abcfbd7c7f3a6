// Whether Sisimai (Debian's libsisimai-perl) is here to compare with: the bench times it
// (whole-process.ts) and the held-out measure scores it (shared/test/heldout/sisimai.ts).
import { spawnSync } from 'node:child_process';

export const SISIMAI_INSTALL = 'Debian: apt-get install libsisimai-perl';

/** Sisimai's version as perl reports it ("v4.25.15"), or undefined when perl or Sisimai is missing. */
export function sisimaiVersion(): string | undefined {
  const run = spawnSync('perl', ['-MSisimai', '-e', 'print $Sisimai::VERSION'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}
