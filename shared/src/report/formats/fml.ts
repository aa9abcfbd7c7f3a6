// fml (a Japanese mailing-list manager) refuses posts from non-members with a notice from the list's
// -admin address: "You are not a member of this mailing list <list@example.org>." The post was not
// delivered to the list, so it is an NDR whose failed recipient is the list address.
import { cleanAddress } from '../../headers/addresses';
import type { ReasonCategory } from '../../types';
import type { Format, FormatResult } from './types';

const fml: Format = {
  id: 'fml',
  match(ctx) {
    const from = ctx.from?.address ?? '';
    if (!/-(?:admin|ctl|request)@/i.test(from)) {
      return undefined;
    }
    const m =
      /not a member of this (?:mailing )?list\s*<([^<>\s]{3,320})>/i.exec(ctx.body) ??
      /(?:rejected|denied).{0,80}(?:list|ML)\s*<([^<>\s]{3,320})>/i.exec(ctx.body) ??
      // "Loop Alert: Duplicated Message-ID" — "Duplicated Message-ID in <list@example.co.jp>."
      /duplicated message-id in\s*<([^<>\s]{3,320})>/i.exec(ctx.body);
    const address = m ? cleanAddress(m[1]!) : undefined;
    if (!address) {
      return undefined;
    }
    return listRefusal(address, m![0], /duplicated|loop/i.test(m![0]) ? 'network-error' : 'spam-blocked');
  },
};

export default fml;

/** A list manager refused a post: an NDR whose one failed recipient is the list (fml, mlmmj). */
export function listRefusal(list: string, words: string, reason: ReasonCategory): FormatResult {
  return {
    kind: 'ndr',
    recipients: [
      {
        address: list,
        action: 'failed',
        status: undefined,
        replyCode: undefined,
        diagnostic: words.replace(/\s+/g, ' ').slice(0, 300),
        remoteMta: undefined,
        reason,
      },
    ],
  };
}
