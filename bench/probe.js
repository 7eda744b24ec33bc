/*
 * The benchmark's probe, inlined at the top of every page the page-cost section loads and run in the page's main
 * world, where the highlights a content script registers are visible. Every few milliseconds it reads the size of
 * each marker's highlight and keeps the times they changed; nothing heavier, so the trace can leave its tasks out
 * (they are named by the sourceURL below). When asked, after the run, it works out when the first range in the
 * viewport was registered: each change in the history keeps the ranges then registered (references only), and the
 * first change that held a range now in view says when. It logs "gloss-bench:<names>" to the
 * console each time the set of registered highlights changes, so the benchmark can wait without evaluating
 * anything in the page while it is traced.
 */
(() => {
  const POLL_MS = 8;
  const NAMES = /^(gloss-(person|group|country|place|event)|naive-marker)$/;
  const history = [];
  let last = '';
  let names = '';

  const sizes = () => {
    const out = {};
    CSS.highlights.forEach((highlight, name) => {
      if (NAMES.test(name)) out[name] = highlight.size;
    });
    return out;
  };

  /** The ranges registered now; a highlight may have been replaced by another of the same size, so compared by identity. */
  const ranges = () => {
    const out = [];
    CSS.highlights.forEach((highlight, name) => {
      if (NAMES.test(name)) for (const range of highlight) out.push(range);
    });
    return out;
  };
  const highlightsNow = () => {
    const out = [];
    CSS.highlights.forEach((highlight, name) => {
      if (NAMES.test(name)) out.push(highlight);
    });
    return out;
  };
  let lastHighlights = [];

  const poll = () => {
    const now = sizes();
    const key = JSON.stringify(now);
    const current = highlightsNow();
    const replaced = current.length !== lastHighlights.length || current.some((highlight, i) => highlight !== lastHighlights[i]);
    if (key !== last || replaced) {
      lastHighlights = current;
      history.push({ t: performance.now(), sizes: now, ranges: ranges() });
      last = key;
      const registered = Object.keys(now).sort().join(',');
      if (registered !== names) {
        names = registered;
        console.log(`gloss-bench:${registered}`);
      }
    }
    setTimeout(poll, POLL_MS);
  };
  if ('highlights' in CSS) poll();

  const inView = (range) => {
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return [...live.getClientRects()].some(
      (rect) => rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
    );
  };

  window.glossBenchProbe = () => {
    const final = sizes();
    const total = Object.values(final).reduce((sum, size) => sum + size, 0);
    const seen = new Map();
    const isInView = (range) => {
      if (!seen.has(range)) seen.set(range, inView(range));
      return seen.get(range);
    };
    const firstInView = history.find((entry) => entry.ranges.some(isInView))?.t ?? null;
    const reached = history.find((entry) => JSON.stringify(entry.sizes) === JSON.stringify(final));
    const navigation = performance.getEntriesByType('navigation')[0];
    return {
      url: location.href,
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
      ranges: total,
      registered: Object.keys(final),
      firstInView,
      lastMark: total > 0 && reached ? reached.t : null,
    };
  };
})();
