// summarizeHeaders(bytes): the header facts of any message, in the same shape as a bounced original.
// Shells use it to learn from the user's own Sent mail without running the whole analysis.
import type { OriginalMessage } from './types';
import { MAX_HEADER_BYTES } from './limits';
import { headerEnd, latin1, toLf } from './mime/bytes';
import { parseHeaderBlock } from './mime/header-block';
import { summarizeFields } from './headers/summary';

export function summarizeHeaders(input: Uint8Array): OriginalMessage {
  const bytes = toLf(input.subarray(0, Math.min(input.length, MAX_HEADER_BYTES + 2)));
  const he = headerEnd(bytes, 0, MAX_HEADER_BYTES);
  const headerText = latin1(bytes, 0, he === -1 ? bytes.length : he);
  const block = parseHeaderBlock(headerText);
  return summarizeFields({
    headerText,
    fields: block.fields,
    via: 'message/rfc822',
    headersTruncated: he === -1 || block.truncated,
    bodyTruncated: true,
    bodyExcerpt: undefined,
    bodyCharsets: [],
  });
}
