// mlmmj (a mailing-list manager) refuses a post with a notice from the list's owner address that opens
// with its own banner: "Hi, this is the Mlmmj program managing the <list@example.org> mailing list."
// and then "The message from <poster> with subject "…" was unable to be delivered to the list because
// you are not a list subscriber." (or because of an access rule, the size limit, a missing list
// address in To/Cc). Like fml's refusal (fml.ts) the post did not reach the list: an NDR whose failed
// recipient is the list. Seen in the second held-out set (notmuch's broken corpus, a FreeBSD list).
import { cleanAddress } from '../../headers/addresses';
import type { Format } from './types';
import { listRefusal } from './fml';

// The banner opens the notice; a person quoting or forwarding one has other lines first.
const BANNER = /^\s*hi,? this is the mlmmj program managing the\s*<([^<>\s]{3,320})>\s*mailing list/i;
const REFUSED = /was unable to be delivered to the list because[^.]{0,200}/i;

const mlmmj: Format = {
  id: 'mlmmj',
  match(ctx) {
    // mlmmj writes from "<list><delimiter>owner@" ("+owner" or "-owner").
    if (!/[+-]owner@/i.test(ctx.from?.address ?? '')) {
      return undefined;
    }
    const banner = BANNER.exec(ctx.body.slice(0, 400));
    const refused = banner ? REFUSED.exec(ctx.body.slice(0, 2000)) : null;
    const address = banner ? cleanAddress(banner[1]!) : undefined;
    if (!refused || !address) {
      return undefined;
    }
    // The list's policy refused the post (as fml.ts files a non-member's post); the size limit is the one
    // refusal with a reason of its own.
    return listRefusal(
      address,
      refused[0],
      /maximum message size|too large/i.test(refused[0]) ? 'too-large' : 'spam-blocked',
    );
  },
};

export default mlmmj;
