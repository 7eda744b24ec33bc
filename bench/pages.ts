/**
 * Deterministic news-like pages for the benchmark: a masthead, navigation, a
 * headline, paragraphs with links and nested divs, a sidebar, built from our
 * own sentences and the knowledge's surface forms, from a seeded generator.
 */

/** mulberry32: a small seeded PRNG, so every run measures the same pages. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = [
  'Officials said the talks would continue after the holiday',
  'Traders at the crossing reported long queues of trucks',
  'The statement did not say when the next round would take place',
  'Fuel prices rose again this week, adding to pressure on households',
  'Several ministers attended the signing ceremony',
  'The agreement covers customs, banking and visas',
  'Residents of the border towns have heard such promises before',
  'A spokesperson declined to give further details',
  'Analysts were divided on what the visit would achieve',
  'The weather delayed several flights on Sunday morning',
];

export interface PageSpec {
  name: string;
  /** Approximate characters of text. */
  size: number;
  /** Mentions per 1,000 characters; 0 for a page that names nothing Gloss knows. */
  density: number;
  /** Nesting of each paragraph in extra divs, to make element-heavy pages. */
  wrappers?: number;
  /** Characters per paragraph. */
  paragraph?: number;
}

export const PAGES: PageSpec[] = [
  { name: 'article-10kb', size: 10_000, density: 4 },
  { name: 'article-100kb', size: 100_000, density: 4 },
  { name: 'archive-1mb', size: 1_000_000, density: 4 },
  { name: 'no-mention-20kb', size: 20_000, density: 0 },
  { name: 'no-mention-1mb', size: 1_000_000, density: 0 },
  // About 50,000 elements: short paragraphs, each nested in twelve wrappers, with a link.
  { name: 'elements-50k', size: 200_000, density: 2, wrappers: 12, paragraph: 20 },
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function generatePage(spec: PageSpec, surfaceForms: readonly string[], seed = 1): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const paragraphs: string[] = [];
  const paragraphSize = spec.paragraph ?? 600;
  let size = 0;
  while (size < spec.size) {
    let text = '';
    while (text.length < paragraphSize) {
      const sentence = pick(FILLER);
      // Density: names per 1,000 characters, placed inside sentences as a reporter would.
      const names = spec.density > 0 && next() < (spec.density * sentence.length) / 1000 ? pick(surfaceForms) : null;
      text += names ? `${sentence}, according to ${names}. ` : `${sentence}. `;
    }
    size += text.length;
    const [head, tail] = [text.slice(0, text.length >> 1), text.slice(text.length >> 1)];
    let html = `<p>${escapeHtml(head)}<a href="#">${escapeHtml(tail.slice(0, 20))}</a>${escapeHtml(tail.slice(20))}</p>`;
    for (let w = 0; w < (spec.wrappers ?? 0); w++) html = `<div class="w${w}">${html}</div>`;
    paragraphs.push(html);
  }
  const sidebar = Array.from({ length: 8 }, () => `<li><a href="#">${escapeHtml(pick(FILLER))}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${spec.name}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:960px;margin:0 auto;display:grid;grid-template-columns:1fr 240px;gap:24px}</style></head>
<body><header><nav><a href="#">World</a> <a href="#">Politics</a> <a href="#">Business</a></nav></header>
<main><h1>${escapeHtml(pick(FILLER))}</h1>${paragraphs.join('\n')}</main><aside><h2>Most read</h2><ul>${sidebar}</ul></aside></body></html>`;
}
