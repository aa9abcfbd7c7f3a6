// BSG_BANNER_TIMING=1 npm run build:extension: a measuring build, never shipped. Each banner
// script is wrapped so that it logs, per message document, what it costs on Thunderbird's main
// thread (the e2e prints the medians, run.mjs "banner timing"):
//   evalMs    the script's evaluation up to its question, in three parts:
//   apiMs     the first use of `messenger` (Thunderbird builds the content script's API object)
//   modulesMs its modules run (Preact, the string tables, the card's code, up to the question)
//   askMs     the question sent (runtime.sendMessage until it returns its promise)
//   drawMs    answer received → the card drawn, inserted, shown and its height reserved (the
//             synchronous work after the answer; a MutationObserver sees the host once it is done)
// The answer is timed by wrapping runtime.sendMessage; the wrapper changes nothing else.
export const timingPrologue = `const __bsgTiming = { t0: performance.now() };
try {
  const runtime = globalThis.messenger.runtime;
  const send = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (...args) => {
    __bsgTiming.ask = performance.now();
    const sent = send(...args);
    __bsgTiming.asked = performance.now();
    return sent.then(answer => { __bsgTiming.answer = performance.now(); return answer; });
  };
} catch (error) { __bsgTiming.wrapError = String(error); }
__bsgTiming.api = performance.now();
new MutationObserver((records, observer) => {
  if (records.some(r => [...r.addedNodes].some(n => n.localName === 'div' && n.shadowRoot === null && n.parentNode === document.documentElement))) {
    observer.disconnect();
    const t = performance.now();
    console.log('bsg-banner-timing ' + JSON.stringify({ evalMs: __bsgTiming.t1 - __bsgTiming.t0, apiMs: __bsgTiming.api - __bsgTiming.t0, modulesMs: __bsgTiming.ask - __bsgTiming.api, askMs: __bsgTiming.asked - __bsgTiming.ask, drawMs: __bsgTiming.answer === undefined ? null : t - __bsgTiming.answer, wrapError: __bsgTiming.wrapError }));
  }
}).observe(document.documentElement, { childList: true });`;
export const timingEpilogue = `__bsgTiming.t1 = performance.now();`;
