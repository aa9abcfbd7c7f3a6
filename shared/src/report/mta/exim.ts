// Exim: "This message was created automatically by mail delivery software.", X-Failed-Recipients.
import type { Mta } from './types';

const exim: Mta = {
  id: 'exim',
  recognise: sig =>
    sig.text.includes('this message was created automatically by mail delivery software') ||
    sig.headers.has('x-failed-recipients') ||
    /^Mail delivery failed: returning message to sender|^Warning: message \S+ delayed/.test(sig.subject),
};

export default exim;
