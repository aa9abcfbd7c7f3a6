// qmail: "Hi. This is the qmail-send program at …".
import type { Mta } from './types';

const qmail: Mta = {
  id: 'qmail',
  recognise: sig =>
    /This is the qmail-send program|I'm afraid I wasn't able to deliver your message/i.test(sig.body),
};

export default qmail;
