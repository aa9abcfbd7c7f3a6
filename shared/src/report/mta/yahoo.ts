// Yahoo: "Sorry, we were unable to deliver your message to the following address."
import type { Mta } from './types';
import { domainIsUnder } from '../domain';

const yahoo: Mta = {
  id: 'yahoo',
  recognise: sig =>
    /Sorry, we were unable to deliver your message to the following address/i.test(sig.body) ||
    domainIsUnder(sig.from, /^yahoo(?:mail)?\.[a-z.]+$/),
};

export default yahoo;
