// Message display script: runs inside the displayed message's document. It only asks the
// background and renders; every mail API call happens in the background.
//
// Every message is written by the attacker, and its HTML and CSS share this document. So the
// verdict is drawn where the message cannot reach it (issue "Security and reliability first", item 2;
// each defence is checked in real Thunderbird by the hostile-CSS part of test/e2e/run.mjs):
//
// - The card is a popover *inside a closed shadow root*: shown, it sits in the top layer, above
//   everything the message can draw whatever its z-index or position, so a fixed fake card or a
//   transparent link cannot cover it or take its clicks. Document selectors never match inside a
//   shadow tree, so `:popover-open`, `[popover]` or `*` rules do not reach the card.
// - The only light-DOM node is the host, a bare <div> (no id, class or data attribute) that reserves
//   the card's height above the message text. Selectors can still match it (`html > *`, `*`), so
//   its look is fixed by `:host { … !important }` rules in the shadow root: for !important
//   declarations the inner (shadow) context wins over the document's, whatever their specificity
//   (CSS Cascade 5 §6.2 "Context"), and `all: initial` there cuts inheritance from the message
//   (`html { color: transparent }`, `font-size: 0`, `visibility: hidden`).
// - A message cannot run script, but a popover or dialog of its own can still be opened by a click
//   on a declarative invoker (`popovertarget`, `commandfor`) and would then sit above ours in the
//   top layer. Every such opening is cancelled (`beforetoggle`), closed if it happens anyway, and
//   our card is raised again.
// - Effects on the root element reach the top layer in Gecko (a `filter: blur()` on <html> blurred
//   the card in the e2e run), so the root's painting effects are reset by an inline !important
//   style: inline !important beats every stylesheet rule of the message, and a message cannot run
//   script to put them back. Only effects that change how everything is painted are reset; the
//   message's own layout is left alone.
// - Message text (subjects, diagnostics) only ever becomes text nodes (Preact, no innerHTML).
// Ordinary mail gets no host at all.
import { render } from 'preact';
import sharedCss from '../../../shared/ui/verdict.css?inline';
import { browserI18n } from '../ui/i18n';
import { realMessenger } from '../thunderbird/messenger';
import { runtimeAsk } from '../ui/port';
import { VerdictPanel } from '../ui/VerdictPanel';
import bannerCss from './banner.css?inline';
import { resetRootEffects } from './root-reset';

/**
 * How long the reserved space takes to open (issue 11 item 8). The text glides down over this time
 * instead of jumping in one frame; linear, so no frame moves it further than another. Users who ask
 * for reduced motion get the space at once.
 */
const SLIDE_MS = 200;

/** The host's own look, in the shadow root so that it wins over the message's !important rules. */
const hostCss = (height: number) => `:host {
  all: initial !important;
  display: block !important;
  position: static !important;
  float: none !important;
  visibility: visible !important;
  width: auto !important;
  height: ${height}px !important;
  min-height: 0 !important;
  max-height: none !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  transition: height ${SLIDE_MS}ms linear !important;
}
@media (prefers-reduced-motion: reduce) {
  :host {
    transition: none !important;
  }
}
:host::before,
:host::after {
  content: none !important;
  display: none !important;
}`;

function showOnTop(layer: HTMLElement): void {
  try {
    if (layer.matches(':popover-open')) {
      layer.hidePopover();
    }
    layer.showPopover();
  } catch {
    // Not connected (the message document is going away): nothing to show.
  }
}

/**
 * Keeps the message's own popovers and modal dialogs out of the top layer: our card must stay the
 * topmost element. Events from inside our closed shadow root do not reach document listeners
 * (`toggle` is not composed), so everything seen here belongs to the message.
 */
function guardTopLayer(layer: HTMLElement): void {
  const foreign = (event: Event) => event.target instanceof HTMLElement && event.target !== layer;
  document.addEventListener(
    'beforetoggle',
    event => {
      if (foreign(event) && (event as ToggleEvent).newState === 'open') {
        event.preventDefault();
      }
    },
    true,
  );
  document.addEventListener(
    'toggle',
    event => {
      if (!foreign(event) || (event as ToggleEvent).newState !== 'open') {
        return;
      }
      const target = event.target as HTMLElement;
      try {
        if (target instanceof HTMLDialogElement) {
          target.close();
        } else {
          target.hidePopover();
        }
      } catch {
        // Already closed.
      }
      showOnTop(layer);
    },
    true,
  );
}

async function main(): Promise<void> {
  const messenger = realMessenger();
  const ask = runtimeAsk(message => messenger.runtime.sendMessage(message));
  const view = await ask({ type: 'check-displayed' });
  if (view.result?.verdict === undefined && !view.lastMove) {
    return;
  }
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const hostStyle = document.createElement('style');
  hostStyle.textContent = hostCss(0);
  const style = document.createElement('style');
  style.textContent = sharedCss + bannerCss;
  const layer = document.createElement('div');
  layer.className = 'bsg-layer';
  layer.popover = 'manual';
  const root = document.createElement('div');
  layer.append(root);
  shadow.append(hostStyle, style, layer);
  // Drawn before the host joins the document: one insertion of the finished card, rather than
  // every element of it changing a document that is being displayed.
  render(<VerdictPanel view={view} ask={ask} i18n={browserI18n(messenger.i18n)} compact />, root);
  resetRootEffects();
  // Before <body>: the reserved space sits above the message text whatever the body's own layout.
  document.documentElement.insertBefore(host, document.body);
  // The card's height, reserved in the flow so the message text starts below it. The host was
  // laid out at height 0 first (the measuring below flushes layout), so the space opens with the
  // transition rather than at once; a later change of the card's height (details opened) slides too.
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let reserved = 0;
  const reserve = () => {
    const height = Math.ceil(layer.getBoundingClientRect().height);
    if (height === reserved) {
      return;
    }
    const from = reserved;
    reserved = height;
    hostStyle.textContent = hostCss(height);
    if (height > from && !reducedMotion.matches) {
      // While the space opens, the card is shown only as far as it has opened, so it never covers
      // the text still gliding down. An animation, not a clip rule: once over it leaves no clip,
      // which would hide a notice hanging below the card. Both start at the next paint, together.
      layer.animate(
        { clipPath: [`inset(0 0 calc(100% - ${from}px) 0)`, `inset(0 0 calc(100% - ${height}px) 0)`] },
        { duration: SLIDE_MS, easing: 'linear' },
      );
    }
  };
  new ResizeObserver(reserve).observe(layer);
  guardTopLayer(layer);
  showOnTop(layer);
  reserve();
}

main().catch((error: unknown) => console.error('backscatter-guard banner', error));
