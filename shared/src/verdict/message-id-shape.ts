// The shape of a Message-ID: what kind of program made it. Each mail program has one habit (RFC 5322
// §3.6.4 leaves the left-hand side free): Thunderbird a lower-case UUID, Apple Mail an upper-case UUID,
// Gmail "CA" + base64, Exchange a hex-ish token ending in the host name, Postfix/Sendmail a timestamp and
// a queue id. Spam tools forging ids pick other shapes, so a shape the user's mail never has is evidence.
// A shape is "<class>@<right-hand side>", lower-cased, e.g. "uuid-lower@example.org".

const CLASSES: readonly (readonly [string, RegExp])[] = [
  ['uuid-lower', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
  ['uuid-upper', /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/],
  ['gmail-ca', /^CA[A-Za-z0-9+/_=-]{20,}$/],
  ['trinity', /^trinity-[0-9a-f-]{36}-\d{10,}$/],
  ['exchange', /^[A-Z0-9]{4,8}MB[0-9]{3,5}[A-Z0-9]{8,}$/],
  ['timestamp-queue', /^\d{14}\.[0-9A-Za-z]{6,}$/],
  ['exim', /^E1[0-9A-Za-z]{5}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}$/],
  ['digits-dots', /^\d+(\.\d+)+(\.JavaMail\.[a-z]+)?$/],
  ['hex-dots', /^[0-9a-f]+(\.[0-9a-f]+)+$/i],
  ['digits', /^\d+$/],
  ['hex', /^[0-9a-f]{12,}$/i],
  ['base64', /^[A-Za-z0-9+/_-]{16,}={0,2}$/],
];

export function shapeClass(left: string): string {
  for (const [name, re] of CLASSES) {
    if (re.test(left)) {
      return name;
    }
  }
  return 'other';
}

/** "<class>@<rhs>" for a Message-ID without angle brackets, or undefined when it has no "@". */
export function messageIdShape(messageId: string): string | undefined {
  const at = messageId.lastIndexOf('@');
  if (at <= 0 || at === messageId.length - 1) {
    return undefined;
  }
  return `${shapeClass(messageId.slice(0, at))}@${messageId.slice(at + 1).toLowerCase()}`;
}

export function messageIdDomain(messageId: string): string | undefined {
  const at = messageId.lastIndexOf('@');
  return at <= 0 || at === messageId.length - 1 ? undefined : messageId.slice(at + 1).toLowerCase();
}
