// Yahoo: "Sorry, we were unable to deliver your message to the following address."
import type { Mta } from './types';

const yahoo: Mta = {
  id: 'yahoo',
  recognise: sig =>
    /Sorry, we were unable to deliver your message to the following address/i.test(sig.body) ||
    /@(?:[a-z0-9.-]+\.)?yahoo(?:mail)?\.[a-z.]+$/.test(sig.from),
};

export default yahoo;
