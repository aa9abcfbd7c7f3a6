// qmail: "Hi. This is the qmail-send program at …".
import type { Mta } from './types';

const qmail: Mta = {
  id: 'qmail',
  recognise: sig =>
    sig.text.includes('this is the qmail-send program') ||
    sig.text.includes("i'm afraid i wasn't able to deliver your message"),
};

export default qmail;
