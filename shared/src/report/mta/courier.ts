// Courier mail server: "This is a delivery status notification from …".
import type { Mta } from './types';

const courier: Mta = {
  id: 'courier',
  recognise: sig =>
    sig.text.includes('this is a delivery status notification from') ||
    sig.text.includes('courier mail server'),
};

export default courier;
