import type { Settings } from '@/core/settings';
import type { PageSummary } from '@/utils/messaging';

/**
 * The settings and the page's summary for the popup's first render, when both come within `maxWaitMs`. Waiting for
 * them lets the popup open whole, in one render and one paint, and the browser does not see it grow; a page busy with
 * a long pass must not leave it blank, so past the wait it renders without them (undefined) and asks again.
 */
export function firstAnswers(
  settings: Promise<Settings>,
  summary: Promise<PageSummary | null>,
  maxWaitMs: number,
): Promise<{ settings: Settings; summary: PageSummary | null } | undefined> {
  const answers = Promise.all([settings, summary]).then(([settings, summary]) => ({ settings, summary }));
  return Promise.race([answers, new Promise<undefined>((done) => setTimeout(done, maxWaitMs))]);
}
