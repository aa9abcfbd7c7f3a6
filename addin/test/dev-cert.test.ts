// The development CA (npm start): name-constrained, so trusting it cannot let its key vouch for any
// site but localhost / 127.0.0.1. Checked with the system's openssl, as the tool itself uses it.
import { describe, expect, test } from 'vitest';
import { ensureDevCertificate } from '../build/serve.mjs';

interface Node {
  execFileSync(cmd: string, args: string[], opts: object): string;
  mkdtempSync(prefix: string): string;
  tmpdir(): string;
  writeFileSync(path: string, text: string): void;
}
const cp = (await import(/* @vite-ignore */ 'node:child_process' as string)) as Pick<Node, 'execFileSync'>;
const fs = (await import(/* @vite-ignore */ 'node:fs' as string)) as Pick<
  Node,
  'mkdtempSync' | 'writeFileSync'
>;
const os = (await import(/* @vite-ignore */ 'node:os' as string)) as Pick<Node, 'tmpdir'>;

const openssl = (args: string[], cwd: string) =>
  cp.execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the development CA', () => {
  test('signs localhost; a certificate it signs for another name does not verify', async () => {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/bsg-ca-`);
    const files = await ensureDevCertificate(dir);
    expect(openssl(['verify', '-CAfile', files.caCert, files.cert], dir)).toContain(': OK');
    // The CA key signs a leaf for a real-looking site: name constraints must reject it.
    openssl(
      [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=bank.example',
        '-keyout',
        'evil.key',
        '-out',
        'evil.csr',
      ],
      dir,
    );
    fs.writeFileSync(`${dir}/evil.ext`, 'basicConstraints=CA:FALSE\nsubjectAltName=DNS:bank.example\n');
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'evil.csr',
        '-CA',
        files.caCert,
        '-CAkey',
        files.caKey,
        '-CAcreateserial',
        '-days',
        '1',
        '-extfile',
        'evil.ext',
        '-out',
        'evil.crt',
      ],
      dir,
    );
    let verdict: string;
    try {
      verdict = openssl(['verify', '-CAfile', files.caCert, 'evil.crt'], dir);
    } catch (error) {
      verdict =
        String((error as { stdout?: string; stderr?: string }).stderr ?? '') +
        String((error as { stdout?: string }).stdout ?? '');
    }
    expect(verdict).not.toContain(': OK');
    expect(verdict).toMatch(/name constraint|permitted subtree/i);
  }, 60_000);
});
