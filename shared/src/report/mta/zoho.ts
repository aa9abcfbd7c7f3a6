// Zoho Mail: mailer-daemon@mail.zoho.com.
import type { Mta } from './types';

const zoho: Mta = {
  id: 'zoho',
  recognise: sig => /@(?:[a-z0-9.-]+\.)?zoho(?:mail)?\.[a-z.]+$/.test(sig.from),
};

export default zoho;
