// Yahoo: "Sorry, we were unable to deliver your message to the following address."
import type { Mta } from './types';
import { domainIsUnder } from '../domain';

const yahoo: Mta = {
  id: 'yahoo',
  recognise: sig =>
    sig.text.includes('sorry, we were unable to deliver your message to the following address') ||
    domainIsUnder(sig.from, /^yahoo(?:mail)?\.[a-z.]+$/),
};

export default yahoo;
