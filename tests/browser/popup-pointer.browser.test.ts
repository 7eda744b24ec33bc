/**
 * The popup under a real pointer and the keyboard (issue 13), in both browsers: every switch answers its first
 * click, and nothing in the popup moves when the pointer or focus moves. A row that moves between mousedown and
 * mouseup loses the click (the browser sends none), so both halves guard the same thing.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@/core/settings';
import { BROWSERS, launch, type GlossBrowser, type GlossPage } from './driver';
import { openArticleAndPopup, readSettings, setSettings } from './extension-calls';
import { startServer, type TestServer } from './server';

type SwitchState = { label: string; checked: boolean; group: string };

/** Every switch of the popup in document order, with the section it is in: topics, kinds, or where Gloss runs. */
const switches = (popup: GlossPage) =>
  popup.evaluate((): SwitchState[] =>
    [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')].map((input) => {
      const heading = input.closest('section')?.getAttribute('aria-labelledby');
      const group = heading === 'topics-heading' ? 'topics' : heading === 'kinds-heading' ? 'kinds' : 'where';
      return { label: input.labels?.[0]?.textContent ?? '', checked: input.checked, group };
    }),
  );

/** The centre of the n-th switch's knob or of its label, in viewport coordinates, scrolled into view first. */
const centreOf = (popup: GlossPage, index: number, part: 'knob' | 'label') =>
  popup.evaluate(
    (n: number, which: string) => {
      const input = document.querySelectorAll<HTMLInputElement>('input[role="switch"]')[n]!;
      const target = which === 'knob' ? input : input.labels![0]!;
      target.scrollIntoView({ block: 'nearest' });
      const rect = target.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    index,
    part,
  );

/** Polls `check` from the test until it holds; fails naming `what`. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

const total = (marks: Record<string, number>) => Object.values(marks).reduce((sum, size) => sum + size, 0);

/** Switches that take every mark off the page when they are off. */
const CLEARS_ALL = ['Gloss on this site (127.0.0.1)', 'Gloss everywhere'];
/** The highlight each kind's switch governs. */
const KIND_MARKS: Record<string, string> = {
  People: 'gloss-person',
  Groups: 'gloss-group',
  Countries: 'gloss-country',
  Places: 'gloss-place',
  Events: 'gloss-event',
};

/**
 * Every element of the popup that has a box, keyed by its path from <main>, with its box in page coordinates
 * (so scrolling to reach an element is not a shift).
 */
const layout = (popup: GlossPage) =>
  popup.evaluate(() => {
    const out: Record<string, { x: number; y: number; w: number; h: number; text: string }> = {};
    const visit = (element: Element, path: string) => {
      const rect = element.getBoundingClientRect();
      if (element.getClientRects().length > 0) {
        const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        out[path] = { x: rect.left + scrollX, y: rect.top + scrollY, w: rect.width, h: rect.height, text };
      }
      [...element.children].forEach((child, index) => {
        visit(child, `${path}/${child.localName}[${index}]`);
      });
    };
    visit(document.querySelector('main')!, 'main');
    return out;
  });

type Layout = Awaited<ReturnType<typeof layout>>;

/** Fails, naming the first few, if anything rendered in both `before` and `after` moved or changed size. */
function expectNoShift(before: Layout, after: Layout, what: string) {
  const moved: string[] = [];
  for (const [path, a] of Object.entries(before)) {
    const b = after[path];
    if (!b) continue;
    const delta = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.w - b.w), Math.abs(a.h - b.h));
    if (delta > 0.5) moved.push(`“${a.text}” (${path}) ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  }
  expect(moved.slice(0, 3), `${what}: ${moved.length} elements moved`).toEqual([]);
}

/** Which focusable control has focus (its index and name), and the centre of the one after it, scrolled into view. */
const focusAndNext = (popup: GlossPage) =>
  popup.evaluate(() => {
    // Tab stops: a radio group is one, its checked radio.
    const isTabStop = (element: HTMLElement) =>
      !(
        element instanceof HTMLInputElement &&
        element.type === 'radio' &&
        !element.checked &&
        document.querySelector(`input[type="radio"][name="${CSS.escape(element.name)}"]:checked`) !== null
      );
    const focusables = [...document.querySelectorAll<HTMLElement>('main input, main button, main a[href], main [tabindex]')].filter(
      (element) => element.getClientRects().length > 0 && !(element as HTMLInputElement).disabled && isTabStop(element),
    );
    const at = focusables.indexOf(document.activeElement as HTMLElement);
    const next = focusables[(at + 1) % focusables.length]!;
    const name = (element: HTMLElement) =>
      element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent?.trim() ?? '';
    next.scrollIntoView({ block: 'nearest' });
    const rect = next.getBoundingClientRect();
    return {
      at,
      focused: at === -1 ? null : name(focusables[at]!),
      count: focusables.length,
      next: name(next),
      x: rect.left + rect.width / 2,
      y: rect.top + rect.height / 2,
    };
  });

describe.each(BROWSERS)('the popup under a real pointer in %s', (browserName) => {
  let browser: GlossBrowser;
  let server: TestServer;
  let article: GlossPage;
  let popup: GlossPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(browserName);
    ({ article, popup } = await openArticleAndPopup(browser, server));
    await popup.waitFor(() => document.querySelector('.found') !== null, 'the popup to load the page summary');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('switches every switch off with one press on its knob and on again with one press on its label, and the page follows', async () => {
    await setSettings(popup, defaultSettings());
    await popup.waitFor(
      () => [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')].every((input) => input.checked),
      'every switch on',
    );
    await eventually(async () => total(await article.highlights()) > 0, 'the article to be marked');
    const full = await article.highlights();
    const all = await switches(popup);
    const marksAreFull = async () => isDeepStrictEqual(await article.highlights(), full);

    /** One press, and only that switch changes, and the change is stored. */
    const press = async (index: number, part: 'knob' | 'label', on: boolean) => {
      const before = await switches(popup);
      const stored = await readSettings(popup);
      const { label } = before[index]!;
      const { x, y } = await centreOf(popup, index, part);
      await popup.clickAt(x, y);
      await eventually(
        async () => (await switches(popup))[index]!.checked === on,
        `“${label}” to switch ${on ? 'on' : 'off'} at the first press on its ${part}`,
        2_000,
      );
      expect(
        (await switches(popup)).map((s) => s.checked),
        `only “${label}” changed`,
      ).toEqual(before.map((s, i) => (i === index ? on : s.checked)));
      await eventually(async () => !isDeepStrictEqual(await readSettings(popup), stored), `“${label}” ${on ? 'on' : 'off'} to be stored`);
    };
    const indices = (group: string) => all.flatMap((s, i) => (s.group === group ? [i] : []));
    expect(indices('topics').length).toBeGreaterThan(1);
    expect(Object.keys(KIND_MARKS).map((label) => all.find((s) => s.label === label)?.group)).toEqual(Array(5).fill('kinds'));

    for (const index of indices('where')) {
      const { label } = all[index]!;
      await press(index, 'knob', false);
      if (CLEARS_ALL.includes(label)) await eventually(async () => total(await article.highlights()) === 0, `every mark to go with “${label}” off`);
      await press(index, 'label', true);
      await eventually(marksAreFull, `the marks to come back with “${label}” on`);
    }
    // One after another, so each press moves focus away from the switch above it.
    for (const index of indices('topics')) await press(index, 'knob', false);
    await eventually(async () => total(await article.highlights()) === 0, 'every mark to go with every topic off');
    for (const index of indices('topics')) await press(index, 'label', true);
    await eventually(marksAreFull, 'the marks to come back with every topic on');
    for (const index of indices('kinds')) {
      const { label } = all[index]!;
      const name = KIND_MARKS[label]!;
      await press(index, 'knob', false);
      await eventually(async () => {
        const marks = await article.highlights();
        return !marks[name] && Object.entries(full).every(([other, size]) => other === name || marks[other] === size);
      }, `only the marks of “${label}” to go`);
      await press(index, 'label', true);
      await eventually(marksAreFull, `the marks of “${label}” to come back`);
    }
    expect(await readSettings(popup)).toEqual(defaultSettings());
  });

  it('moves nothing when the pointer or the keyboard focus moves over any of its controls', async () => {
    await setSettings(popup, { version: 3, hidden: [{ site: '127.0.0.1', text: 'Sharif', entity: 'shehbaz-sharif' }] });
    await popup.reload();
    await popup.waitFor(
      () => document.querySelector('.found') !== null && document.querySelector('.corrections__undo') !== null,
      'the popup with its correction',
    );
    await popup.evaluate(() => document.getElementById('gloss-search')!.focus());
    for (const key of 'pak') await popup.press(key);
    await popup.waitFor(() => document.querySelectorAll('.search__results .found__item').length > 1, 'search results');
    await popup.evaluate(() => (document.activeElement as HTMLElement).blur());
    await popup.moveAway();
    const baseline = await layout(popup);

    // Tab through every control; at each, rest the pointer on the next one, and measure both states.
    const { count } = await focusAndNext(popup);
    expect(count).toBeGreaterThan(20);
    const seen = new Set<number>();
    for (let step = 0; step < 2 * count && seen.size < count; step++) {
      await popup.press('Tab');
      const { at, focused, next, x, y } = await focusAndNext(popup);
      expectNoShift(baseline, await layout(popup), `focus on “${focused}”`);
      await popup.moveTo(x, y);
      expectNoShift(baseline, await layout(popup), `focus on “${focused}”, pointer on “${next}”`);
      if (at !== -1) seen.add(at);
    }
    expect(seen.size, 'every control got focus').toBe(count);
  });
});
