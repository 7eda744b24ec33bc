/** What the marks tests run in the page besides the modules: marks made from given mentions, and the highlights read back. */
import type { Modules } from './harness';

export type Wanted = [entity: string, kind: string, text: string][];

/** In the page: every occurrence of each wanted text in the walked body, made into marks on `window.marks` (in `wanted` order, by chunk). */
export function markUp({ textWalker, pageMarks }: Pick<Modules, 'textWalker' | 'pageMarks'>, wanted: Wanted): number {
  const kinds = new Map(wanted.map(([entity, kind]) => [entity, kind]));
  const marks = new pageMarks.PageMarks((entity) => kinds.get(entity) as never);
  for (const chunk of textWalker.walkText(document.body)) {
    const mentions = wanted.flatMap(([entity, , text]) => {
      const found = [];
      for (let at = chunk.text.indexOf(text); at !== -1; at = chunk.text.indexOf(text, at + 1)) {
        found.push({ entity, start: at, end: at + text.length, text, via: 'name' as const });
      }
      return found;
    });
    marks.addFromChunk(chunk, mentions);
  }
  (window as any).marks = marks;
  return marks.marks.size;
}

/** In the page: each `gloss-*` highlight's range texts, sorted. */
export function registry(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('gloss-')) continue;
    out[name] = [...(highlight as unknown as Set<AbstractRange>)]
      .map((range) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset))
      .sort();
  }
  return out;
}
