// HCL/Lotus Domino: "DELIVERY FAILURE:" subjects, "Lotus Domino" in the text.
import type { Mta } from './types';

const domino: Mta = {
  id: 'domino',
  recognise: sig =>
    /^\s*DELIVERY FAILURE:/.test(sig.subject) ||
    sig.text.includes('lotus domino') ||
    sig.text.includes('domino server'),
};

export default domino;
