// Postfix: X-Postfix-* headers, "This is the mail system at host …", "Undelivered Mail Returned to Sender".
import type { Mta } from './types';

const postfix: Mta = {
  id: 'postfix',
  recognise: sig =>
    sig.headers.has('x-postfix-queue-id') ||
    sig.headers.has('x-postfix-sender') ||
    sig.text.includes('this is the mail system at host') ||
    /^(?:Undelivered Mail Returned to Sender|Delayed Mail \(still being retried\)|Successful Mail Delivery Report)/.test(
      sig.subject,
    ),
};

export default postfix;
