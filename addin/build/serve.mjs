// `npm run serve:addin [-- --port 3000]`: serves dist/addin over HTTPS on https://localhost:3000 with
// a locally generated certificate ("Self-signed certificates can be used for development and testing,
// so long as the certificate is trusted on the local machine", develop/add-in-manifests), prints the
// sideloading steps and the analyzer URL, and opens nothing by itself.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CERT_DIR = join(repoRoot, 'node_modules/.cache/backscatter-guard-dev-cert');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.eml': 'message/rfc822',
};

/** A static file handler rooted at `dir`; never serves anything outside it. */
export function staticHandler(dir) {
  const root = resolve(dir);
  return async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const wanted = normalize(
        join(root, decodeURIComponent(pathname === '/' ? '/taskpane.html' : pathname)),
      );
      if (wanted !== root && !wanted.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      if (!(await stat(wanted)).isFile()) {
        throw new Error('not a file');
      }
      const body = await readFile(wanted);
      const type = TYPES[extname(wanted)] ?? 'application/octet-stream';
      // Icons "must support caching in production"; pages and scripts are re-read on every load in development.
      const cache = extname(wanted) === '.png' ? 'public, max-age=86400' : 'no-cache';
      response.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': cache,
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  };
}

export const NAME_CONSTRAINTS =
  'nameConstraints=critical,permitted;DNS:localhost,permitted;IP:127.0.0.1/255.255.255.255';

/** An older CA from this tool without name constraints is replaced, not reused. */
function isNameConstrained(caCert) {
  try {
    const text = execFileSync('openssl', ['x509', '-in', caCert, '-noout', '-ext', 'nameConstraints'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return text.includes('Permitted') && text.includes('localhost');
  } catch {
    return false;
  }
}

/**
 * A development CA and a localhost certificate signed by it, made with the system's openssl once and
 * kept, so trusting the CA once is enough. Returns paths.
 */
export async function ensureDevCertificate(dir = CERT_DIR) {
  const files = {
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    cert: join(dir, 'localhost.crt'),
    key: join(dir, 'localhost.key'),
  };
  if (Object.values(files).every(existsSync) && isNameConstrained(files.caCert)) {
    return files;
  }
  await mkdir(dir, { recursive: true });
  const openssl = args => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '825',
    '-subj',
    '/CN=Backscatter Guard development CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE,pathlen:0',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    // Trusting this CA must not let its key (a file on a developer's disk) vouch for any real site:
    // the CA may sign names under localhost and the address 127.0.0.1 only (RFC 5280 §4.2.1.10).
    '-addext',
    NAME_CONSTRAINTS,
    '-keyout',
    files.caKey,
    '-out',
    files.caCert,
  ]);
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    files.key,
    '-out',
    join(dir, 'localhost.csr'),
  ]);
  const ext = join(dir, 'localhost.ext');
  await import('node:fs/promises').then(fs =>
    fs.writeFile(
      ext,
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n',
    ),
  );
  openssl([
    'x509',
    '-req',
    '-in',
    join(dir, 'localhost.csr'),
    '-CA',
    files.caCert,
    '-CAkey',
    files.caKey,
    '-CAcreateserial',
    '-days',
    '825',
    '-sha256',
    '-extfile',
    ext,
    '-out',
    files.cert,
  ]);
  return files;
}

export function instructions(origin, files) {
  return `
Backscatter Guard for Outlook is served at ${origin}/

  Standalone analyzer (any browser, no Outlook needed):  ${origin}/analyzer.html
  Manifest to sideload:                                  ${origin}/manifest.xml  (also dist/addin/manifest.xml)

1. Trust the development certificate once (Outlook and browsers refuse untrusted HTTPS):
     CA certificate: ${files.caCert}
     What trusting it means: anyone who gets the CA's key (${files.caKey}) can make certificates your
     system accepts. This CA is name-constrained to localhost and 127.0.0.1, so it cannot vouch for any
     other site; still keep the key private, and remove the CA from the store when you are done.
     Debian/Ubuntu:  sudo cp "${files.caCert}" /usr/local/share/ca-certificates/backscatter-guard-dev.crt && sudo update-ca-certificates
     macOS:          sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${files.caCert}"
     Windows:        certutil -addstore -user Root "${files.caCert}"
     Chrome/Edge on Linux use their own store: Settings → Privacy and security → Security → Manage certificates → Authorities → Import.
2. Sideload in Outlook on the web or the new Outlook on Windows (work or school account):
     open https://aka.ms/olksideload → My add-ins → Custom Addins → Add a custom add-in → Add from File → dist/addin/manifest.xml
   Classic Outlook on Windows picks it up from the same mailbox (it can take a while to appear).
3. Open a message, choose "Check bounce" (Outlook on the web: in the message's action bar) and pin the pane.
   Outlook's Report button now runs Backscatter Guard and moves the message to Junk Email.

Press Ctrl+C to stop.
`;
}

function parsePort(argv) {
  const at = argv.indexOf('--port');
  const value = at >= 0 ? Number(argv[at + 1]) : Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new TypeError('--port must be a TCP port number');
  }
  return value;
}

export async function serveAddin({
  dir = join(repoRoot, 'dist/addin'),
  port = 3000,
  https = true,
  host = 'localhost',
} = {}) {
  if (!existsSync(join(dir, 'taskpane.html'))) {
    throw new Error(`${dir} has no build: run npm run build:addin first`);
  }
  const handler = staticHandler(dir);
  const files = https ? await ensureDevCertificate() : undefined;
  const server = files
    ? createHttpsServer({ cert: await readFile(files.cert), key: await readFile(files.key) }, handler)
    : createHttpServer(handler);
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolvePromise);
  });
  const address = server.address();
  const origin = `${https ? 'https' : 'http'}://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return { server, origin, files };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  serveAddin({ port: parsePort(process.argv.slice(2)) })
    .then(({ origin, files }) => console.log(instructions(origin, files)))
    .catch(error => {
      console.error(`serve:addin: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
}
