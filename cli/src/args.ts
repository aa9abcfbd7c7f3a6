// Command-line parsing for `backscatter-guard`. Pure: argv in, options or a one-line usage error out.

export interface ScanOptions {
  /** `report`: the flood report over all PATHs (cli/src/report.ts) instead of one line per message. */
  command: 'scan' | 'report';
  json: boolean;
  /** The user's own addresses (--me), lower-cased. */
  me: string[];
  /** The user's Sent folders (--sent): .eml files, directories, maildirs or mbox files. */
  sent: string[];
  /** Servers that carry the user's outgoing mail (--relay), lower-cased: a self-hosted user's smarthost. */
  relays: string[];
  /** What to scan; "-" is standard input. */
  paths: string[];
  /** --no-color / --color override the terminal check. */
  color: boolean | undefined;
  /** --no-progress turns the progress bar off. */
  progress: boolean;
  /** --lang: language of the verdict texts ('en', 'de'); default from LC_ALL / LC_MESSAGES / LANG. */
  lang: string | undefined;
  /** report --html FILE: also write the self-contained HTML report there. */
  html?: string | undefined;
  /** --profile-cache: a JSON file keeping what bounces of the user's own mail taught (profile.confirmed). */
  profileCache?: string | undefined;
}

export type ParsedArgs =
  { ok: true; options: ScanOptions } | { ok: true; help: true } | { ok: false; error: string };

export const USAGE = `Usage: backscatter-guard scan [--json] [--me ADDRESS]... [--sent PATH]... [--relay HOST]... PATH...

Tells forged-sender bounces (backscatter) from real bounces.

  PATH              an .eml file, a directory (recursive; maildir cur/ and new/), an mbox file, or - for stdin
  --json            one JSON object per message instead of the table
  --me ADDRESS      one of your own addresses (repeatable)
  --sent PATH       your Sent folder (.eml files, directory, maildir or mbox; repeatable). Its Message-IDs are
                    looked up for each bounce and it teaches what your mail looks like. Without it, lookups are
                    "unavailable" and verdicts lean on the other evidence.
  --relay HOST      a server that carries your outgoing mail (repeatable): your own mail server if you run one.
                    Bounces whose original entered the remote side from it count as yours.
  --color, --no-color   force colour on or off (default: on when standard output is a terminal; NO_COLOR honoured)
  --no-progress     no progress bar on standard error
  --lang LANG       language of the verdict texts: en or de (default: from LC_ALL, LC_MESSAGES or LANG)
  --profile-cache FILE  keep what bounces of your own mail (their original found in --sent) show about how
                    your mail leaves (servers, DKIM, Message-IDs) in FILE, and use it in later scans
  -h, --help        this text

       backscatter-guard report [--json] [--html FILE] [--me ADDRESS]... [--sent PATH]... [--relay HOST]... PATH...

  report            one report over all PATHs: was your account used, or is your address forged? A timeline,
                    the campaign, what to do for your domain, and server rules for your admin
  --html FILE       (report) also write the report as one self-contained HTML file (no script, nothing remote)

Exit status: 0 when the scan ran (unreadable files are reported per file), 2 on bad usage.`;

// A pragmatic address check: local@domain with no spaces. The engine does the real matching (plus addressing).
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) {
    return { ok: false, error: 'missing command: try "backscatter-guard scan PATH..."' };
  }
  if (argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') {
    return { ok: true, help: true };
  }
  if (argv[0] !== 'scan' && argv[0] !== 'report') {
    return { ok: false, error: `unknown command "${argv[0] ?? ''}": the commands are "scan" and "report"` };
  }
  const options: ScanOptions = {
    command: argv[0],
    json: false,
    me: [],
    sent: [],
    relays: [],
    paths: [],
    color: undefined,
    progress: true,
    lang: undefined,
  };
  let onlyPaths = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inline !== undefined) {
        return inline;
      }
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        return undefined;
      }
      i++;
      return next;
    };
    switch (name) {
      case '-h':
      case '--help':
        return { ok: true, help: true };
      case '--json':
        options.json = true;
        break;
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '--no-progress':
        options.progress = false;
        break;
      case '--me': {
        const value = takeValue();
        if (value === undefined || !ADDRESS.test(value.trim())) {
          return {
            ok: false,
            error: `--me needs an email address, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
          };
        }
        options.me.push(value.trim().toLowerCase());
        break;
      }
      case '--lang': {
        const value = takeValue();
        if (value === undefined || !/^[a-z]{2}(?:[-_][a-z0-9]+)*$/i.test(value)) {
          return { ok: false, error: '--lang needs a language tag such as en or de' };
        }
        options.lang = value;
        break;
      }
      case '--relay': {
        const value = takeValue()?.trim().toLowerCase();
        if (
          value === undefined ||
          !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$|^[0-9a-f.:]+$/.test(value)
        ) {
          return { ok: false, error: '--relay needs a host name or an IP address, such as mail.example.org' };
        }
        options.relays.push(value);
        break;
      }
      case '--html': {
        const value = takeValue();
        if (options.command !== 'report' || value === undefined || value === '') {
          return { ok: false, error: '--html FILE goes with the report command' };
        }
        options.html = value;
        break;
      }
      case '--profile-cache': {
        const value = takeValue();
        if (value === undefined || value === '' || value === '-') {
          return { ok: false, error: '--profile-cache needs a file name' };
        }
        options.profileCache = value;
        break;
      }
      case '--sent': {
        const value = takeValue();
        if (value === undefined || value === '') {
          return { ok: false, error: '--sent needs a path (an .eml file, directory, maildir or mbox)' };
        }
        options.sent.push(value);
        break;
      }
      default:
        return { ok: false, error: `unknown option ${name}` };
    }
    if (
      inline !== undefined &&
      name !== '--me' &&
      name !== '--sent' &&
      name !== '--lang' &&
      name !== '--relay' &&
      name !== '--html' &&
      name !== '--profile-cache'
    ) {
      return { ok: false, error: `option ${name} takes no value` };
    }
  }
  if (options.paths.length === 0) {
    return {
      ok: false,
      error: 'nothing to scan: give at least one PATH (a file, directory, mbox, or - for stdin)',
    };
  }
  if (options.paths.filter(p => p === '-').length > 1 || options.sent.includes('-')) {
    return { ok: false, error: 'standard input ("-") can be read only once, and only as a PATH' };
  }
  return { ok: true, options };
}
