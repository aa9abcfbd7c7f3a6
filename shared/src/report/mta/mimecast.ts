// Mimecast: X-Mimecast-* headers, "[Postmaster] Email Delivery Failure".
import type { Mta } from './types';

const mimecast: Mta = {
  id: 'mimecast',
  recognise: sig =>
    [...sig.headers].some(h => h.startsWith('x-mimecast-')) ||
    /^\[Postmaster\] Email Delivery Failure/i.test(sig.subject),
};

export default mimecast;
