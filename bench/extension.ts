/**
 * The real extension in headless Chromium: its content script's first statement to its first pass done on each
 * page, 100 paragraphs appended to a marked page until they are marked, and the popup until it shows the page's
 * summary, all from the extension's own clocks.
 */
import { APPEND, until } from './chromium-cost';
import { launchGlossContext } from './gloss-context';
import { stat, type PageResult, type Results } from './report';

export interface ExtensionOptions {
  extension: string;
  /** The in-page section's results, whose `extension` field this section fills. */
  results: PageResult[];
  url: (name: string) => string;
  reps: number;
  dynamicPage: string;
  /** Only the popup. */
  popupOnly: boolean;
}

export async function measureExtension({
  extension,
  results,
  url,
  reps,
  dynamicPage,
  popupOnly,
}: ExtensionOptions): Promise<Pick<Results, 'dynamic' | 'popup'> & { popupRuns: { start: number[]; ready: number[] } }> {
  const { context: withGloss, helper, origin, diagnostics } = await launchGlossContext(extension);
  const firstPass = () => until(async () => (await diagnostics())?.firstPassDone, 'the first pass', 50);

  for (const result of results) {
    const ready: number[] = [];
    const longest: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const page = await withGloss.newPage();
      await page.goto(url(result.page));
      const d = await until(async () => ((await diagnostics())?.firstPassDone ? await diagnostics() : null), 'the first pass', 50);
      ready.push(d.firstPassDone! - d.scriptStart);
      longest.push(Math.max(0, ...d.slices.map((s) => s.ms)));
      await page.close();
    }
    result.extension = { readyMs: stat(ready), longestSliceMs: stat(longest) };
  }

  const dynamic: number[] = [];
  for (let rep = 0; rep < (popupOnly ? 0 : reps); rep++) {
    const page = await withGloss.newPage();
    await page.goto(url(dynamicPage));
    await firstPass();
    const insertedAt = await page.evaluate(APPEND);
    const done = await until(
      async () => {
        const d = await diagnostics();
        return d?.lastUpdateDone && d.lastUpdateDone > insertedAt ? d.lastUpdateDone : null;
      },
      'marking the appended paragraphs',
      50,
    );
    dynamic.push(done - insertedAt);
    await page.close();
  }

  const popupStart: number[] = [];
  const popupReady: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const page = await withGloss.newPage();
    await page.goto(url('article-10kb'));
    await firstPass();
    const tabId = await helper.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: { tabs: any } }).chrome.tabs;
      const self = await tabs.getCurrent();
      return (await tabs.query({})).find((tab: { id: number }) => tab.id !== self.id).id;
    });
    const popup = await withGloss.newPage();
    await popup.goto(`${origin}/popup.html?tab=${tabId}`);
    popupReady.push(
      await until(() => popup.evaluate(() => performance.getEntriesByName('gloss-popup-ready')[0]?.startTime ?? null), 'the popup summary', 50),
    );
    popupStart.push(await popup.evaluate(() => performance.getEntriesByName('gloss-popup-start')[0]!.startTime));
    await popup.close();
    await page.close();
  }
  await withGloss.close();
  return {
    dynamic: { page: dynamicPage, paragraphs: 100, ms: stat(dynamic.length > 0 ? dynamic : [0]) },
    popup: { startMs: stat(popupStart), readyMs: stat(popupReady) },
    popupRuns: { start: popupStart, ready: popupReady },
  };
}
