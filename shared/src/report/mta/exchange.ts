// Microsoft Exchange and Microsoft 365: X-MS-Exchange-* headers, "Delivery has failed to these recipients or groups", "did not reach the following recipient(s)".
import type { Mta } from './types';

const exchange: Mta = {
  id: 'exchange',
  recognise: sig =>
    // Exchange stamps X-MS-Exchange-Organization-* on every message it delivers; only the NDR marks
    // say it wrote the report.
    sig.headers.has('x-ms-exchange-message-is-ndr') ||
    sig.headers.has('x-ms-exchange-organization-ndr-reason') ||
    sig.text.includes('delivery has failed to these recipients or groups') ||
    sig.text.includes('did not reach the following recipient') ||
    sig.text.includes('your message did not reach some or all of the intended recipients') ||
    sig.text.includes("remote server returned '"),
};

export default exchange;
