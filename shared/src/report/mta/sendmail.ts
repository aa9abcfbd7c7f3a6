// Sendmail: "----- Transcript of session follows -----", "Returned mail: …" subjects.
import type { Mta } from './types';

const sendmail: Mta = {
  id: 'sendmail',
  recognise: sig =>
    /--- ?Transcript of session follows|The original message was received at/i.test(sig.body) ||
    /^(?:Returned mail: |Warning: could not send message for past)/i.test(sig.subject),
};

export default sendmail;
