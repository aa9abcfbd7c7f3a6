// Courier mail server: "This is a delivery status notification from …".
import type { Mta } from './types';

const courier: Mta = {
  id: 'courier',
  recognise: sig => /This is a delivery status notification from|Courier mail server/i.test(sig.body),
};

export default courier;
