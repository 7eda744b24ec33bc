/**
 * The command line and the extension read a page alike (issue 16): on every fixture page that runs no script of its
 * own (so that the file is what the browser shows), the text the content script's walk reads in the browser and the
 * text `annotate` reads from the file (scripts/html-text.ts) hold the same names, found by the same matcher. Text
 * hidden by the page's style sheets is left to the extension's visibility check, which a reader of files can't make.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext, createMatcher } from '@/core/match';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';
import { htmlToText } from '../../scripts/html-text';
import { PAGES_DIR } from '../browser/server';
import { BROWSERS, domPages } from './harness';

const matcher = createMatcher(buildBundle(loadKnowledge()).index);
const STATIC_PAGES = readdirSync(PAGES_DIR).filter(
  (file) => file.endsWith('.html') && !readFileSync(join(PAGES_DIR, file), 'utf8').includes('<script'),
);

/** The names in `texts`, read in order as one page. */
function names(texts: string[]): string[] {
  const context = createContext();
  return texts.flatMap((text) => matcher.match(text, context).map((mention) => `${mention.entity}: ${mention.text.replace(/\s+/g, ' ')}`));
}

describe.each(BROWSERS)('annotate and the walk in %s', (browserName) => {
  const dom = domPages(browserName, ['textWalker']);

  it('has static fixture pages to compare', () => {
    expect(STATIC_PAGES.length).toBeGreaterThanOrEqual(8);
  });

  it.each(STATIC_PAGES)('%s: the same names', async (file) => {
    const page = await dom.openFixture(file);
    const walked = await page.run(({ textWalker }) => [...textWalker.walkText(document.body)].map((chunk) => chunk.text));
    const read = names([htmlToText(readFileSync(join(PAGES_DIR, file), 'utf8'))]);
    expect(read.length).toBeGreaterThan(0);
    expect(names(walked)).toEqual(read);
  });
});
