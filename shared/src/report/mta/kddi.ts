// KDDI au (Japan): no-reply@…dion.ne.jp, ezweb.ne.jp postmaster.
import type { Mta } from './types';

const kddi: Mta = {
  id: 'kddi',
  recognise: sig => /@(?:[a-z0-9.-]+\.)?(?:dion\.ne\.jp|ezweb\.ne\.jp|auone-net\.jp)$/.test(sig.from),
};

export default kddi;
