import type { Answering, MessageKind, RecipientReport } from '../../types';
import type { Context } from '../context';

export interface FormatResult {
  kind: MessageKind;
  recipients: RecipientReport[];
  reportingMta?: string | undefined;
  /** Offset in ctx.body after which a quoted original may start (the report's own words end there). */
  inlineFrom?: number | undefined;
  answering?: Answering | undefined;
  challengeVendor?: string | undefined;
}

/** One report format. `match` returns undefined for "not mine", as early and as cheaply as it can. */
export interface Format {
  id: string;
  match(ctx: Context): FormatResult | undefined;
}
