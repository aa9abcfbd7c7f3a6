// Where a prose report's own words end and the quoted original begins: the first marker line
// ("------ This is a copy of the message, including all the headers. ------") or, failing that, the
// first run of header lines. Addresses after that point belong to the original, not the failure.

const MARKER =
  /^[ \t>-]*(?:-{2,}|={2,}|\*{2,}|_{2,})?[ \t]*(?:this is a copy of|below this line is a copy|original message|unsent message|returned message|included message|original message headers|message headers follow|headers of the original|copy of the original|text of the original|here is (?:a copy|the message)|message follows|undelivered message|a copy of (?:the|your) message|the original message (?:headers|follows|is)|-+ ?original (?:message|headers)|content-type: message\/rfc822|返送されたメッセージ|原始邮件|исходное сообщение|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale)/im;

const HEADER_RUN = /^[ \t>]*(?:return-path|received|message-id|date|from|subject|to):[ \t]/gim;

export function reportRegionEnd(body: string): number {
  const m = MARKER.exec(body);
  let end = m ? m.index : body.length;
  HEADER_RUN.lastIndex = 0;
  let guard = 0;
  for (let h = HEADER_RUN.exec(body); h && h.index < end && guard < 500; h = HEADER_RUN.exec(body), guard++) {
    const window = body
      .slice(h.index, h.index + 2000)
      .split('\n')
      .slice(0, 8);
    const count = window.filter(l =>
      /^[ \t>]*(?:return-path|received|message-id|date|from|subject|to|mime-version|content-type):/i.test(l),
    ).length;
    if (count >= 3) {
      end = h.index;
      break;
    }
  }
  return end;
}
