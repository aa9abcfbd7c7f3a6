// Microsoft Exchange and Microsoft 365: X-MS-Exchange-* headers, "Delivery has failed to these recipients or groups", "did not reach the following recipient(s)".
import type { Mta } from './types';

const exchange: Mta = {
  id: 'exchange',
  recognise: sig =>
    [...sig.headers].some(h => h.startsWith('x-ms-exchange-')) ||
    /Delivery has failed to these recipients or groups|did not reach the following recipient|Your message did not reach some or all of the intended recipients|Remote Server returned '/i.test(
      sig.body,
    ),
};

export default exchange;
