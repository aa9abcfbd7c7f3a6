// Amazon SES and WorkMail: MAILER-DAEMON@…amazonses.com, SNS notifications.
import type { Mta } from './types';

const amazonSes: Mta = {
  id: 'amazon-ses',
  recognise: sig => /amazonses\.com$|amazonaws\.com$/.test(sig.from),
};

export default amazonSes;
