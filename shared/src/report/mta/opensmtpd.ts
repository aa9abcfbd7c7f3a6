// OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail."
import type { Mta } from './types';

const opensmtpd: Mta = {
  id: 'opensmtpd',
  recognise: sig => /This is the MAILER-DAEMON, please DO NOT REPLY/i.test(sig.body),
};

export default opensmtpd;
