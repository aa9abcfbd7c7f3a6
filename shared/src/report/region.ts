// Where a prose report's own words end and the quoted original begins: the first marker line
// ("------ This is a copy of the message, including all the headers. ------") or, failing that, the
// first run of header lines. Addresses after that point belong to the original, not the failure.

// A separator line with a phrase ("------ This is a copy of the message, including all the headers. ------",
// "----- Original message -----"), or one of the phrases MTAs put on a line of their own.
const MARKER =
  /^[ \t>]*(?:(?:-{2,}|={2,}|\*{2,}|_{2,}|\|-{2,})[ \t]*(?:this is a copy|below this line|original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht|wiadomość oryginalna|исходное сообщение|unsent message|returned message|included message|message headers|headers of|copy of|text of the original|message text follows|undelivered message|the original message)|this is a copy of (?:the|your) message|below this line is a copy of the message|original message:?[ \t]*$|original message headers:|the original message headers|message headers follow|content-type: message\/rfc822|返送されたメッセージ|原始邮件|исходное сообщение|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale)/im;

// Zoho writes quoted headers without a space after the colon ("Received:from mail.zoho.com").
const HEADER_RUN = /^[ \t>]*(?:return-path|received|message-id|date|from|subject|to):/gim;

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
    const structural = window.some(l =>
      /^[ \t>]*(?:return-path|received|message-id|mime-version|content-type|dkim-signature):/i.test(l),
    );
    if (count >= 3 && structural) {
      end = h.index;
      break;
    }
  }
  return end;
}
