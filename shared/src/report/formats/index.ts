// The ordered registry of report formats. The first that says "mine" wins. Report parts are
// structural evidence and go first (ARF, MDN, DSN) — except a challenge from a known vendor, which
// Boxbe sends as a delivery-status report; then the prose formats; auto-replies last,
// because MTAs mark their bounces Auto-Submitted too.
import type { Format } from './types';
import arf from './arf';
import mdn from './mdn';
import rfc3464 from './rfc3464';
import amazonSes from './amazon-ses';
import fml from './fml';
import mlmmj from './mlmmj';
import virusNotice from './virus-notice';
import challenge from './challenge';
import prose from './prose';
import rfc3834 from './rfc3834';

export const FORMATS: readonly Format[] = [
  amazonSes,
  arf,
  mdn,
  challenge,
  rfc3464,
  fml,
  mlmmj,
  virusNotice,
  prose,
  rfc3834,
];
