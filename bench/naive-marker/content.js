/*
 * The naive marker's content script: the simplest highlighter that works. One regular expression of every surface
 * form (written by the benchmark into forms.js as `naiveMarkerForms`), run over every text node of the body but
 * those of scripts and styles, a visibility check where it matched, and one `CSS.highlights.set` at the end. No
 * slicing, no article detection, no context, no updates.
 */
(() => {
  const escape = (form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = [...naiveMarkerForms].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (skip.has(node.parentElement?.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const highlight = new Highlight();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(pattern)) {
      if (!node.parentElement.checkVisibility({ visibilityProperty: true })) break;
      highlight.add(new StaticRange({ startContainer: node, startOffset: match.index, endContainer: node, endOffset: match.index + match[0].length }));
    }
  }
  CSS.highlights.set('naive-marker', highlight);
})();
