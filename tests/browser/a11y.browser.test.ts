/**
 * Accessibility checks with axe-core (issue 13), in both browsers: the popup (with a correction, search results
 * and a result's card) and a card opened on a page. axe.min.js from node_modules is injected into the page by the
 * test; the extension never ships it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type GlossBrowser, type GlossPage } from './driver';
import { openArticleAndPopup, setSettings } from './extension-calls';
import { startServer, type TestServer } from './server';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

type Checked = { problems: string[]; checkedInside: number };

/**
 * What axe leaves for a person to review and a person has:
 * - the card's close button shows "×" and is named "Close"; a symbol is not text, so its name need not contain it
 *   (tests/browser/README.md);
 * - on a page, the card's host is the root element's child, outside the body (so that it never lays out or restyles
 *   the page), where axe cannot find the text's background and leaves every contrast undecided; the same card's
 *   contrast is decided, and passes, in the popup's search above. Only undecided results are let through.
 */
const REVIEWED = [
  { rule: 'label-content-name-mismatch', selector: '.card__close' },
  { rule: 'color-contrast', host: 'gloss-card', undecided: true },
];

/**
 * Runs every axe rule on `include` (a selector; the elements' open shadow trees are included) and returns each
 * violation, and each result axe could not decide that is not in REVIEWED, as "rule: help — target: summary";
 * and how many nodes inside `within` (a host) some rule passed, so a check that saw nothing can't pass.
 */
async function audit(page: GlossPage, include: string, within: string | null = null): Promise<Checked> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScript(AXE);
  return page.evaluate(
    async (selector: string, host: string | null, reviewed: { rule: string; selector?: string; host?: string; undecided?: boolean }[]) => {
      const axe = (window as any).axe;
      const results = await axe.run({ include: [selector] }, { resultTypes: ['violations', 'incomplete', 'passes'] });
      const isReviewed = (rule: any, node: any, undecided: boolean) =>
        reviewed.some(
          (r) =>
            r.rule === rule.id &&
            (!r.undecided || undecided) &&
            (r.selector ? node.target.flat().at(-1) === r.selector : Array.isArray(node.target[0]) && node.target[0][0] === r.host),
        );
      const problems = [
        ...results.violations.map((rule: any) => ({ rule, undecided: false })),
        ...results.incomplete.map((rule: any) => ({ rule, undecided: true })),
      ].flatMap(({ rule, undecided }: any) =>
        rule.nodes
          .filter((node: any) => !isReviewed(rule, node, undecided))
          .map(
            (node: any) =>
              `${rule.id}: ${rule.help} — ${JSON.stringify(node.target)}: ${(node.failureSummary ?? node.any[0]?.message ?? '').replace(/\s+/g, ' ')}`,
          ),
      );
      const checkedInside = host
        ? results.passes.flatMap((rule: any) => rule.nodes).filter((node: any) => Array.isArray(node.target[0]) && node.target[0][0] === host).length
        : results.passes.length;
      return { problems, checkedInside };
    },
    include,
    within,
    REVIEWED,
  );
}

/** The smallest computed font size of any element of the popup (outside a card) that holds text of its own. */
const smallestText = (popup: GlossPage) =>
  popup.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('main *')]
        .filter(
          (element) => !element.closest('.card') && [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim() !== ''),
        )
        .map((element) => parseFloat(getComputedStyle(element).fontSize)),
    ),
  );

describe.each(BROWSERS)('accessibility in %s', (browserName) => {
  let browser: GlossBrowser;
  let server: TestServer;
  let article: GlossPage;
  let popup: GlossPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(browserName);
    ({ article, popup } = await openArticleAndPopup(browser, server));
    await setSettings(popup, { version: 3, hidden: [{ site: '127.0.0.1', text: 'Sharif', entity: 'shehbaz-sharif' }] });
    await popup.reload();
    await popup.waitFor(
      () => document.querySelector('.found') !== null && document.querySelector('.corrections__undo') !== null,
      'the popup with its correction',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds no problem in the popup with a correction and search results', async () => {
    await popup.evaluate(() => document.getElementById('gloss-search')!.focus());
    for (const key of 'pak') await popup.press(key);
    await popup.waitFor(() => document.querySelectorAll('.search__results .found__item').length > 1, 'search results');
    const { problems, checkedInside } = await audit(popup, 'html');
    expect(problems).toEqual([]);
    expect(checkedInside).toBeGreaterThan(10);
  });

  it('finds no problem in the popup with a search result’s card open', async () => {
    const { x, y } = await popup.evaluate(() => {
      const result = document.querySelector('.search__results .found__item')!;
      result.scrollIntoView({ block: 'nearest' });
      const rect = result.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await popup.clickAt(x, y);
    await popup.waitFor(() => document.querySelector('.search__card [role="dialog"]') !== null, 'the card');
    const { problems } = await audit(popup, 'html');
    expect(problems).toEqual([]);
  });

  // Chromium gives an extension page's body font-size: 75%, which the popup's own styles must override.
  it('sets the popup’s own text at 12px or more', async () => {
    expect(await smallestText(popup)).toBeGreaterThanOrEqual(12);
  });

  it('finds no problem in a card opened on the page', async () => {
    await article.hoverText('Masoud Pezeshkian');
    await article.waitFor(async () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role="dialog"]') != null, 'the card');
    const { problems, checkedInside } = await audit(article, 'gloss-card', 'gloss-card');
    expect(problems).toEqual([]);
    expect(checkedInside).toBeGreaterThan(10);
  });
});
