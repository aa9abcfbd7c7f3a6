// Trend Micro InterScan MSS.
import type { Mta } from './types';

const trendmicro: Mta = {
  id: 'trendmicro',
  recognise: sig => sig.text.includes('interscan') || sig.from.includes('interscan'),
};

export default trendmicro;
