// Trend Micro InterScan MSS.
import type { Mta } from './types';

const trendmicro: Mta = {
  id: 'trendmicro',
  recognise: sig => /InterScan/i.test(sig.body) || /InterScan/i.test(sig.from),
};

export default trendmicro;
