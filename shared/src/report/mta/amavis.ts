// amavisd-new content filter: "Content-filter at …" sender, MTA-BLOCKED subjects.
import type { Mta } from './types';

const amavis: Mta = {
  id: 'amavis',
  recognise: sig => /Content-filter at /i.test(sig.body) || /MTA-BLOCKED|BANNED|VIRUS \(/.test(sig.subject),
};

export default amavis;
