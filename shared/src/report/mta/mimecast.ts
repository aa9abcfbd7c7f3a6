// Mimecast: X-Mimecast-Originator on its reports, "[Postmaster] Email Delivery Failure".
import type { Mta } from './types';

const mimecast: Mta = {
  id: 'mimecast',
  recognise: sig =>
    // X-Mimecast-Spam-Score and friends are stamped on all inbound mail a gateway passes: not a mark;
    // X-Mimecast-Originator stands on its own reports.
    sig.headers.has('x-mimecast-originator') ||
    /mimecast/i.test(sig.from) ||
    sig.body.includes('Mimecast') ||
    /^\[Postmaster\] Email Delivery Failure/i.test(sig.subject),
};

export default mimecast;
