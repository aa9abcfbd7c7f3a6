// Outlook.com / Hotmail: "This is an automatically generated Delivery Status Notification" from a Microsoft consumer domain.
import type { Mta } from './types';

const outlookCom: Mta = {
  id: 'outlook-com',
  recognise: sig =>
    /@(?:[a-z0-9.-]+\.)?(?:hotmail|outlook|live|msn)\.[a-z.]+$/.test(sig.from) &&
    /automatically generated Delivery Status Notification/i.test(sig.body),
};

export default outlookCom;
