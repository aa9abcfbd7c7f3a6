// Sendmail: "----- Transcript of session follows -----", "Returned mail: …" subjects.
import type { Mta } from './types';

const sendmail: Mta = {
  id: 'sendmail',
  recognise: sig =>
    /--- ?transcript of session follows/.test(sig.text) ||
    sig.text.includes('the original message was received at') ||
    /^(?:Returned mail: |Warning: could not send message for past)/i.test(sig.subject),
};

export default sendmail;
