// Outlook.com / Hotmail: "This is an automatically generated Delivery Status Notification" from a Microsoft consumer domain.
import type { Mta } from './types';
import { domainIsUnder } from '../domain';

const outlookCom: Mta = {
  id: 'outlook-com',
  recognise: sig =>
    domainIsUnder(sig.from, /^(?:hotmail|outlook|live|msn)\.[a-z.]+$/) &&
    sig.text.includes('automatically generated delivery status notification'),
};

export default outlookCom;
