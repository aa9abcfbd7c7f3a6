// amavisd-new content filter: "Content-filter at …" sender, MTA-BLOCKED subjects.
import type { Mta } from './types';

const amavis: Mta = {
  id: 'amavis',
  recognise: sig =>
    sig.text.includes('content-filter at ') || /MTA-BLOCKED|BANNED|VIRUS \(/.test(sig.subject),
};

export default amavis;
