// Oracle/Sun Java System Messaging Server: "Delivery Notification: Delivery has failed".
import type { Mta } from './types';

const messagingserver: Mta = {
  id: 'messagingserver',
  recognise: sig => /^Delivery Notification: /.test(sig.subject) || sig.text.includes('messaging server'),
};

export default messagingserver;
