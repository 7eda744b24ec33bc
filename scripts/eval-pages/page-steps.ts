/**
 * One saved page in one browser, in four loads of the same tab:
 *
 *   1. Gloss off: the DOM as the page parses, and the oracle (Readability over a clone of it);
 *   2. whole-page mode, fresh load: its marks, DOM, time to mark;
 *   3. the reading text, switched live from 2 (a settings change, no reload): its marks and DOM;
 *   4. the reading text, reloaded: its marks (the figures use these), DOM, time to mark — and whether 3 matched 4,
 *      i.e. whether the choice applies live.
 */
import { defaultSettings, type Scope, type Settings } from '../../core/settings';
import type { Diagnostics } from '../../utils/messaging';
import type { GlossPage } from '../../tests/browser/driver';
import { setSettings } from '../../tests/browser/extension-calls';
import { firstDifference, markDifference, type DomDifference } from './compare';
import { isInside, pageFigures, readingNodes, type PageFigures } from './figures';
import { callPage } from './page-script';
import type { Mark, Oracle, Place } from './types';

/** The host every saved page is served from, and so the site whose scope the settings set. */
export const HOST = '127.0.0.1';
const POLL_MS = 100;
/** Nothing changed on the page (marks, the content script's timings) for this long: the marking is done. */
const QUIET_MS = 300;

export interface Tab {
  page: GlossPage;
  /** The `browser.tabs` id, found once per tab. */
  id: number;
}

export interface PageContext {
  /** An extension page, for settings and messages to the tab. */
  extension: GlossPage;
  tab: Tab;
  url: string;
  script: string;
  where: boolean;
  deadline: number;
}

export interface Listed {
  mode: Scope;
  kind: string;
  text: string;
  node: number;
  place?: Place;
}

export interface PageOutcome {
  oracle: Omit<Extract<Oracle, { article: true }>, 'inside' | 'apart'> | Extract<Oracle, { article: false }>;
  figures: PageFigures;
  /** firstPassDone − scriptStart of the fresh loads, ms. */
  timeMs: { page: number | null; article: number | null };
  domDiffs: (DomDifference & { mode: string })[];
  /** Marks of the live switch not in the reloaded page, and the other way round. */
  live: { same: boolean; onlyLive: number; onlyReload: number };
  outside: Listed[];
  /** With `where`: the places of the whole-page marks inside the article text, for contrast. */
  insidePlaces?: Place[];
  /** Marks on a page with no article. */
  unjudged: Listed[];
}

const settingsFor = (mode: 'off' | Scope): Settings => ({ ...defaultSettings(), enabled: mode !== 'off', wholePage: mode === 'page' ? [HOST] : [] });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function diagnostics(context: PageContext): Promise<(Diagnostics & { scope?: Scope }) | null> {
  try {
    const reply = await context.extension.evaluate(
      (id: number) => ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(id, { type: 'gloss:diagnostics' }),
      context.tab.id,
    );
    return reply ?? null;
  } catch {
    return null; // no content script yet (the page is loading) or none at all
  }
}

/**
 * Until the content script answers — with its first pass done when Gloss is on, and in `scope` if it reports one —
 * and then nothing changes for QUIET_MS.
 */
async function settle(context: PageContext, step: string, on: boolean, scope?: Scope): Promise<Diagnostics> {
  let last = '';
  let since = Date.now();
  for (;;) {
    const answer = await diagnostics(context);
    const sizes = answer ? await context.tab.page.highlights() : null;
    // With Gloss off there is nothing to wait for once the content script has answered.
    if (answer !== null && !on) return answer;
    const ready = answer !== null && answer.firstPassDone !== null && (answer.scope === undefined || answer.scope === scope);
    const signature = JSON.stringify([answer?.firstPassDone, answer?.lastUpdateDone, answer?.scope, sizes]);
    if (signature !== last) {
      last = signature;
      since = Date.now();
    } else if (ready && Date.now() - since >= QUIET_MS) {
      return answer!;
    }
    if (Date.now() > context.deadline) {
      const why = answer === null ? 'the content script never answered' : `the page never settled (last diagnostics ${signature})`;
      throw new Error(`${step}: ${why}`);
    }
    await sleep(POLL_MS);
  }
}

const timeToMark = (answer: Diagnostics) => (answer.firstPassDone === null ? null : Math.round(answer.firstPassDone - answer.scriptStart));

export async function evaluatePage(context: PageContext): Promise<PageOutcome> {
  const { extension, tab, url, script } = context;
  const marks = () => callPage(tab.page, script, 'marks');
  const domDiffs: PageOutcome['domDiffs'] = [];
  const checkDom = async (mode: string, expected: string) => {
    const difference = firstDifference(expected, await tab.page.serialize());
    if (difference) domDiffs.push({ mode, ...difference });
  };

  await setSettings(extension, settingsFor('off'));
  await tab.page.goto(url);
  await settle(context, 'Gloss off', false);
  const untouched = await tab.page.serialize();
  const oracle = await callPage(tab.page, script, 'oracle');

  await setSettings(extension, settingsFor('page'));
  await tab.page.goto(url);
  const pageAnswer = await settle(context, 'whole page', true, 'page');
  const pageMarks = await marks();
  await checkDom('page', untouched);

  await setSettings(extension, settingsFor('article'));
  await settle(context, 'reading text, switched live', true, 'article');
  const liveMarks = await marks();
  await checkDom('article (live)', untouched);

  await tab.page.reload();
  const articleAnswer = await settle(context, 'reading text, reloaded', true, 'article');
  const articleMarks = await marks();
  await checkDom('article', untouched);

  const figures = pageFigures(oracle, pageMarks, articleMarks);
  const { onlyA, onlyB } = markDifference(liveMarks, articleMarks);
  const listed = (mode: Scope, list: Mark[]): Listed[] => list.map(({ kind, text, node }) => ({ mode, kind, text, node }));
  const reading = readingNodes(oracle);
  const outside = oracle.article
    ? [
        ...listed(
          'page',
          pageMarks.filter((m) => !isInside(m, reading)),
        ),
        ...listed(
          'article',
          articleMarks.filter((m) => !isInside(m, reading)),
        ),
      ]
    : [];
  const insideNodes = oracle.article ? pageMarks.filter((m) => isInside(m, reading)).map((m) => m.node) : [];
  let insidePlaces: Place[] | undefined;
  if (context.where) {
    const places = await callPage(tab.page, script, 'places', [...outside.map((mark) => mark.node), ...insideNodes]);
    outside.forEach((mark, i) => {
      mark.place = places[i];
    });
    insidePlaces = places.slice(outside.length);
  }
  const { inside: _inside, apart: _apart, ...summary } = oracle.article ? oracle : { ...oracle, inside: [], apart: [] };
  return {
    oracle: summary,
    figures,
    timeMs: { page: timeToMark(pageAnswer), article: timeToMark(articleAnswer) },
    domDiffs,
    live: { same: onlyA.length === 0 && onlyB.length === 0, onlyLive: onlyA.length, onlyReload: onlyB.length },
    outside,
    insidePlaces,
    unjudged: oracle.article ? [] : [...listed('page', pageMarks), ...listed('article', articleMarks)],
  };
}
