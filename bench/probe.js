/*
 * The benchmark's probe, inlined at the top of every page the page-cost section loads and run in the page's main
 * world, where the highlights a content script registers are visible. Every few milliseconds it reads the size of
 * each marker's highlight and keeps the times they changed; nothing heavier, so the trace can leave its tasks out
 * (they are named by the sourceURL below). When asked, after the run, it works out when the first range in the
 * viewport was registered: a highlight iterates its ranges in insertion order, so the first one in view is the
 * n-th added, and the history says when the highlight first held n of them. It logs "gloss-bench:<names>" to the
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

  const poll = () => {
    const now = sizes();
    const key = JSON.stringify(now);
    if (key !== last) {
      history.push({ t: performance.now(), sizes: now });
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

  /** The first time the history shows highlight `name` holding more than `index` ranges. */
  const heldSince = (name, index) => history.find((entry) => (entry.sizes[name] ?? 0) > index)?.t ?? null;

  window.glossBenchProbe = () => {
    const final = sizes();
    const total = Object.values(final).reduce((sum, size) => sum + size, 0);
    let firstInView = null;
    for (const name of Object.keys(final)) {
      let index = 0;
      for (const range of CSS.highlights.get(name)) {
        if (inView(range)) {
          const t = heldSince(name, index);
          if (t !== null && (firstInView === null || t < firstInView)) firstInView = t;
          break;
        }
        index++;
      }
    }
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
