// GMX / web.de / mail.com (1&1): mailer-daemon@mail.gmx.com, kundenserver.de.
import type { Mta } from './types';
import { domainIsUnder } from '../domain';

const gmx: Mta = {
  id: 'gmx',
  recognise: sig => domainIsUnder(sig.from, /^(?:gmx\.[a-z.]+|web\.de|mail\.com|kundenserver\.[a-z.]+)$/),
};

export default gmx;
