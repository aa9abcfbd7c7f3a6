// Mail.ru: mailer-daemon@corp.mail.ru.
import type { Mta } from './types';

const mailru: Mta = {
  id: 'mailru',
  recognise: sig => /@(?:[a-z0-9.-]+\.)?mail\.ru$/.test(sig.from),
};

export default mailru;
