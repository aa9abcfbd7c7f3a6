// Hostile messages for the banner: each is a backscatter bounce whose human-readable part is HTML
// written to hide, fake, cover or steal the clicks of the verdict card (issue "Security and
// reliability first", item 2). Thunderbird shows them with message scripts off, as it does for
// every user; CSS and declarative HTML (popover invokers) still work, and that is what they use.

const FAKE_CARD = `<div class="fake">A real delivery failure about your message. Confidence 97%
  <a href="https://attacker.example/login">Fix it now</a></div>`;

/** name → [CSS, HTML body]. */
export const ATTACKS = {
  // Every selector the old banner could be found by, and the generic ones that match any host.
  'hide-by-selector': [
    `#backscatter-guard-banner, [data-verdict], [popover], :popover-open, html > div, html > *:not(body):not(head),
     body > div:first-child, div:not(.keep), *:not(html):not(body):not(p) {
       display: none !important; visibility: hidden !important; opacity: 0 !important;
       width: 0 !important; height: 0 !important; overflow: hidden !important; clip-path: inset(50%) !important;
       transform: scale(0) !important; filter: opacity(0) !important; content-visibility: hidden !important; }`,
    '<p>Your message could not be delivered.</p>',
  ],
  // A fixed box over the top of the message, drawing a fake "real bounce" card.
  'fixed-cover': [
    `.fake { position: fixed !important; top: 0; left: 0; right: 0; height: 260px; z-index: 2147483647 !important;
       background: #fdecea; color: #222; font: 16px sans-serif; padding: 12px; }`,
    `${FAKE_CARD}<p>Your message could not be delivered.</p>`,
  ],
  // A transparent link over the whole window: a click meant for "Move to Junk" opens the attacker's site.
  'transparent-link': [
    `a.trap { position: fixed !important; inset: 0 !important; display: block !important; z-index: 2147483647 !important;
       background: transparent !important; }`,
    '<a class="trap" href="https://attacker.example/"></a><p>Your message could not be delivered.</p>',
  ],
  // Everything reset, then inherited properties that would blank a child: colour, size, visibility.
  'all-unset': [
    `* { all: unset !important; }
     html { color: transparent !important; font-size: 0 !important; visibility: hidden !important;
       line-height: 0 !important; direction: rtl !important; }`,
    '<p>Your message could not be delivered.</p>',
  ],
  // The biggest z-index on everything, positioned, plus pseudo-elements drawn over the top.
  'z-index': [
    `* { z-index: 2147483647 !important; position: relative !important; }
     html > *::before, html > *::after, body::before {
       content: "A real delivery failure about your message. Confidence 97%" !important;
       position: fixed !important; top: 0 !important; left: 0 !important; right: 0 !important; height: 300px !important;
       z-index: 2147483647 !important; background: #fdecea !important; display: block !important; }`,
    '<p>Your message could not be delivered.</p>',
  ],
  // Effects on the root that would carry to every descendant painted inside it.
  'root-effects': [
    `html { opacity: 0.02 !important; filter: blur(30px) !important; transform: scale(0.05) !important;
       clip-path: inset(50%) !important; mask: linear-gradient(transparent, transparent) !important; }`,
    '<p>Your message could not be delivered.</p>',
  ],
  // A popover of the message's own, opened by a click anywhere (declarative invoker, no script),
  // that would sit above ours in the top layer.
  'own-popover': [
    `button.inv { position: fixed !important; inset: 0 !important; opacity: 0 !important; z-index: 2147483647 !important; }
     #fake { position: fixed; inset: 0 0 auto 0; height: 300px; margin: 0; background: #fdecea; border: 0; }`,
    `<button class="inv" popovertarget="fake" popovertargetaction="show">x</button>
     <div id="fake" popover="manual">${FAKE_CARD}</div><p>Your message could not be delivered.</p>`,
  ],
};

/** The backscatter fixture with its first (human-readable) part replaced by `css` + `html`. */
export function hostileMessage(base, name, index) {
  const [css, html] = ATTACKS[name];
  const boundary = /boundary="([^"]+)"/.exec(base)?.[1];
  if (!boundary) {
    throw new Error('the hostile base message must be multipart');
  }
  const parts = base.split(`--${boundary}\n`);
  // parts[0] is the preamble, parts[1] the human-readable part.
  parts[1] = `Content-Type: text/html; charset=utf-8\n\n<!DOCTYPE html><html><head><style>${css}</style></head><body>${html}</body></html>\n\n`;
  return parts
    .join(`--${boundary}\n`)
    .replace(/^Message-ID: <[^>]+>/m, `Message-ID: <hostile-${index}@mx.victim.example>`)
    .replace(/^Subject: .*$/m, `Subject: Undelivered Mail (${name})`);
}

export const hostileMessages = base =>
  Object.keys(ATTACKS).map((name, index) => ({
    name,
    messageId: `hostile-${index}@mx.victim.example`,
    text: hostileMessage(base, name, index),
  }));
