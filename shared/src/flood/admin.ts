// Server rules for the user's admin, learned from the user's real mail: the hosts their genuine
// outgoing mail passes through. The texts are configuration, not prose (the words around them are
// `flood.admin.*` strings), and every name in them comes from the profile or from real bounces.
//
// - SpamAssassin's VBounce plugin (rules/20_vbounce.cf) flags BOUNCE_MESSAGE only once
//   whitelist_bounce_relays (welcomelist_bounce_relays from SpamAssassin 4) lists the relays; a bounce
//   whose quoted Received lines name none of them is then tagged, CRBOUNCE_MESSAGE / VBOUNCE_MESSAGE
//   likewise for challenges and virus notices (handbook anchors.md §2.1). Scores are 0.1: the rules tag,
//   the Sieve script below files.
// - Postfix BACKSCATTER_README: header/body checks that refuse bounces whose quoted headers name the
//   domain itself as a mail server (real servers say hostname.domain), and Message-IDs at the bare domain
//   when the user's mail never has them.
// - Exim: BATV, its prvs / prvscheck expansion items (Exim specification, "Bounce address tag validation").
import { orgOf } from '../verdict/hosts';
import type { Profile } from '../types';
import type { AdminExport, DomainAdvice } from './types';

/** More hosts of one organisation than this become one glob (*.example.org). */
const GLOB_AFTER = 3;

/** SpamAssassin relay tokens: exact host names, or *.org where an organisation has many. */
export function relayTokens(relays: readonly string[]): string[] {
  const byOrg = new Map<string, string[]>();
  for (const host of new Set(relays.map(r => r.toLowerCase()))) {
    // Only plain host names: a token goes into a config line, so nothing else may pass.
    // (An address is no token either: VBounce compares the names in Received lines.)
    if (!/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(host)) {
      continue;
    }
    const org = orgOf(host) ?? host;
    byOrg.set(org, [...(byOrg.get(org) ?? []), host]);
  }
  const out: string[] = [];
  for (const [org, hosts] of [...byOrg].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(...(hosts.length > GLOB_AFTER ? [`*.${org}`] : hosts.sort()));
  }
  return out;
}

function spamAssassin(tokens: readonly string[]): string {
  const list = tokens.join(' ');
  return [
    'ifplugin Mail::SpamAssassin::Plugin::VBounce',
    '  if (version >= 4.000000)',
    `    welcomelist_bounce_relays ${list}`,
    '  endif',
    '  if (version < 4.000000)',
    `    whitelist_bounce_relays ${list}`,
    '  endif',
    'endif',
    '',
  ].join('\n');
}

const SIEVE_RULES = ['BOUNCE_MESSAGE', 'CRBOUNCE_MESSAGE', 'VBOUNCE_MESSAGE'];

function sieveString(text: string): string {
  return `"${text.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

function sieve(folder: string): string {
  return [
    'require ["fileinto", "mailbox"];',
    `if header :contains "X-Spam-Status" [${SIEVE_RULES.map(sieveString).join(', ')}] {`,
    `  fileinto :create ${sieveString(folder)};`,
    '  stop;',
    '}',
    '',
  ].join('\n');
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function postfix(domain: string, messageIds: boolean): string {
  const d = escapeRegex(domain);
  const lines = [
    '# main.cf',
    '#   header_checks = regexp:/etc/postfix/header_checks',
    '#   body_checks = regexp:/etc/postfix/body_checks',
    '# /etc/postfix/header_checks and /etc/postfix/body_checks:',
    'if /^[> ]*Received:/',
    `/^[> ]*Received: +from +(${d}) /`,
    '    reject forged client name in Received: header: $1',
    `/^[> ]*Received: +from +[^ ]+ +\\(([^ ]+ +[he]+lo=|[he]+lo +)(${d})\\)/`,
    '    reject forged client name in Received: header: $2',
    `/^[> ]*Received:.* +by +(${d})( |;|$)/`,
    '    reject forged mail server name in Received: header: $1',
    'endif',
  ];
  if (messageIds) {
    lines.push(`/^[> ]*Message-ID:.*@(${d})>/`, '    reject forged domain name in Message-ID: header: $1');
  }
  return `${lines.join('\n')}\n`;
}

function exim(domain: string): string {
  return [
    '# transport remote_smtp: tag the envelope sender of outgoing mail (KEY: a secret of your choice)',
    '  return_path = ${prvs {$return_path}{KEY}}',
    `# acl_smtp_rcpt: bounces (empty sender) to ${domain} only for a valid tag`,
    '  deny  senders    = :',
    `        domains    = ${domain}`,
    '        condition  = ${if match{$local_part}{\\N^prvs=\\N}{no}{yes}}',
    '        message    = bounce for an address that sends only tagged mail',
    '  deny  senders    = :',
    '        condition  = ${prvscheck {$local_part@$domain}{KEY}{1}}',
    '        !condition = $prvscheck_result',
    '        message    = invalid return path tag',
    '# router (before local delivery): strip a valid tag',
    '#   data = ${prvscheck {$local_part@$domain}{KEY}}',
    '',
  ].join('\n');
}

export interface AdminInput {
  relays: readonly string[];
  domain: DomainAdvice;
  profile: Profile;
  junkFolder: string;
}

export function adminExports({ relays, domain, profile, junkFolder }: AdminInput): AdminExport[] {
  const out: AdminExport[] = [];
  const tokens = relayTokens(relays);
  if (tokens.length > 0) {
    out.push({ id: 'spamassassin', params: { relays: tokens.join(', ') }, text: spamAssassin(tokens) });
    out.push({ id: 'sieve', params: { folder: junkFolder }, text: sieve(junkFolder) });
  }
  const own = domain.kind === 'own' ? domain.domain : undefined;
  if (own !== undefined && /^[a-z0-9.-]+$/.test(own)) {
    // The domain itself in a Received "from"/"by" or HELO is forged only when the user's servers
    // call themselves by host names under it (mail.example.org), never by the bare domain.
    const bareRelay = relays.some(r => r.toLowerCase() === own);
    const ownRelays = relays.filter(r => r.toLowerCase().endsWith(`.${own}`));
    if (ownRelays.length > 0 && !bareRelay) {
      // Thunderbird and many clients write ids at the bare domain: only when the user's mail never does.
      const idsAtDomain =
        profile.sampleSize === 0 || profile.messageIdDomains.some(d => d.toLowerCase() === own);
      out.push({
        id: 'postfix',
        params: { domain: own, relays: ownRelays.join(', '), messageIds: idsAtDomain ? 0 : 1 },
        text: postfix(own, !idsAtDomain),
      });
    }
    out.push({
      id: 'exim',
      params: { domain: own, tagged: profile.returnPathTags.includes('prvs') ? 1 : 0 },
      text: exim(own),
    });
  }
  return out;
}
