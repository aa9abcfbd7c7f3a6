// OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail."
import type { Mta } from './types';

const opensmtpd: Mta = {
  id: 'opensmtpd',
  recognise: sig => sig.text.includes('this is the mailer-daemon, please do not reply'),
};

export default opensmtpd;
