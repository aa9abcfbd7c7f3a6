// The ordered registry of MTA recognisers: providers first (their own domains say who wrote the
// report), then products with distinctive markers, then the general-purpose MTAs whose phrasing
// others borrow. The first that recognises a report names it.
import type { HeaderField } from '../../types';
import type { Mta, Signature } from './types';
import gmail from './gmail';
import outlookCom from './outlook-com';
import yahoo from './yahoo';
import zoho from './zoho';
import gmx from './gmx';
import mailru from './mailru';
import yandex from './yandex';
import kddi from './kddi';
import amazonSes from './amazon-ses';
import exchange from './exchange';
import domino from './domino';
import trendmicro from './trendmicro';
import mimecast from './mimecast';
import amavis from './amavis';
import messagingserver from './messagingserver';
import courier from './courier';
import opensmtpd from './opensmtpd';
import postfix from './postfix';
import exim from './exim';
import qmail from './qmail';
import sendmail from './sendmail';

export const MTAS: readonly Mta[] = [
  outlookCom,
  gmail,
  yahoo,
  zoho,
  gmx,
  mailru,
  yandex,
  kddi,
  amazonSes,
  exchange,
  domino,
  trendmicro,
  mimecast,
  amavis,
  messagingserver,
  courier,
  opensmtpd,
  postfix,
  exim,
  qmail,
  sendmail,
];

export function identifyMta(
  top: readonly HeaderField[],
  subject: string,
  from: string,
  body: string,
): string | undefined {
  const head = body.length > 4096 ? body.slice(0, 4096) : body;
  const sig: Signature = {
    subject,
    from: from.toLowerCase(),
    headers: new Set(top.map(f => f.name)),
    body: head,
    text: head.toLowerCase(),
  };
  return MTAS.find(m => m.recognise(sig))?.id;
}
