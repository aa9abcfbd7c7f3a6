// Gmail and Google Workspace: mailer-daemon@googlemail.com, "Delivery to the following recipient failed permanently".
import type { Mta } from './types';

const gmail: Mta = {
  id: 'gmail',
  recognise: sig =>
    /@googlemail\.com$|@google\.com$/.test(sig.from) ||
    /delivery to the following recipients? (?:failed permanently|has been delayed)/.test(sig.text),
};

export default gmail;
