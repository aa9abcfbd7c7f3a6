// GMX / web.de / mail.com (1&1): mailer-daemon@mail.gmx.com, kundenserver.de.
import type { Mta } from './types';

const gmx: Mta = {
  id: 'gmx',
  recognise: sig =>
    /@(?:[a-z0-9.-]+\.)?(?:gmx\.[a-z.]+|web\.de|mail\.com|kundenserver\.[a-z.]+)$/.test(sig.from),
};

export default gmx;
