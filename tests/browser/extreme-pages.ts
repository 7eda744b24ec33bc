/** The extreme tests' generated pages and settings; the other extreme pages are fixtures (tests/fixtures/pages). */

export const OFF = { version: 1, enabled: false, sitesOff: [], topicsOff: [], kindsOff: [] };
/** The reader's choice of the whole page on the test server's site. */
export const WHOLE_PAGE = { version: 3, wholePage: ['127.0.0.1'] };
const PLACES = ['Islamabad', 'Tehran', 'Chabahar', 'Balochistan', 'Washington'];

/** 200,000 elements: rows of short cells, a place named in every 50th row, Tehran in the last. */
export function manyElementsPage(): string {
  const rows: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const cells = Array.from({ length: 8 }, (_, j) => ` <span>${i}.${j}</span>`).join('');
    rows.push(`<div><b>${i % 50 === 0 ? PLACES[(i / 50) % PLACES.length] : 'Row'}</b>${cells}</div>`);
  }
  rows.push('<div id="last">Tehran</div>');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Elements</title></head><body><main>${rows.join('')}</main></body></html>`;
}

/** 10,000 mentions: 2,000 paragraphs that each name five places. */
export function manyMentionsPage(): string {
  const paragraphs = Array.from({ length: 2_000 }, (_, i) => `<p>Report ${i}: ${PLACES.join(', ')}.</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Mentions</title></head><body>${paragraphs.join('\n')}</body></html>`;
}

/** The routes of the generated pages. */
export const extremeRoutes = () => ({ '/elements.html': manyElementsPage(), '/mentions.html': manyMentionsPage() });
