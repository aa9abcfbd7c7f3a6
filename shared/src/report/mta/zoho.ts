// Zoho Mail: mailer-daemon@mail.zoho.com.
import type { Mta } from './types';
import { domainIsUnder } from '../domain';

const zoho: Mta = {
  id: 'zoho',
  recognise: sig => domainIsUnder(sig.from, /^zoho(?:mail)?\.[a-z.]+$/),
};

export default zoho;
