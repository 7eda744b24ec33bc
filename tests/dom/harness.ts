/**
 * Direct tests of the content script's DOM modules in real Chromium and Firefox, with no extension build: the
 * modules under test are bundled with esbuild into one script, a test page (HTML the test gives) is served from
 * this machine, the script is added to it, and each test runs a function in the page that calls the modules and
 * returns plain data for the test to assert on.
 *
 * A test file calls `domPages(name, modules)` once, in its `describe.each(BROWSERS)` block, with every module it
 * tests: each browser is launched once for the file (a launch costs seconds; the machine has two cores) and stays
 * offline, as every browser the project starts. Functions given to `run` are sent as source text, as with the
 * driver's `evaluate`: no closures over test variables, JSON arguments.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { type Browser as PwBrowser, chromium } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type * as ChromeRules from '@/entrypoints/content/chrome-rules';
import type * as HighlightPainter from '@/entrypoints/content/highlight-painter';
import type * as HitTest from '@/entrypoints/content/hit-test';
import type * as MutationWatch from '@/entrypoints/content/mutation-watch';
import type * as PageMarks from '@/entrypoints/content/page-marks';
import type * as ReadingText from '@/entrypoints/content/reading-text';
import type * as Scheduler from '@/entrypoints/content/scheduler';
import type * as TextWalker from '@/entrypoints/content/text-walker';
import type * as ViewportText from '@/entrypoints/content/viewport-text';
import { CHROMIUM_FLAGS } from '../../scripts/chromium';
import { chromiumOfflineFlags, firefoxOfflinePrefs } from '../../scripts/offline';
import type { BrowserName } from '../browser/driver';
import { requireBinary, ROOT, VIEWPORT } from '../browser/driver-setup';
import { functionSource } from '../browser/page-source';
import { startServer, type TestServer } from '../browser/server';

export { BROWSERS } from '../browser/driver';

/** The modules a test can reach in the page, by the name it calls them. */
export interface Modules {
  textWalker: typeof TextWalker;
  pageMarks: typeof PageMarks;
  mutationWatch: typeof MutationWatch;
  highlightPainter: typeof HighlightPainter;
  hitTest: typeof HitTest;
  readingText: typeof ReadingText;
  chromeRules: typeof ChromeRules;
  viewportText: typeof ViewportText;
  scheduler: typeof Scheduler;
}

const FILES: Record<keyof Modules, string> = {
  textWalker: 'text-walker',
  pageMarks: 'page-marks',
  mutationWatch: 'mutation-watch',
  highlightPainter: 'highlight-painter',
  hitTest: 'hit-test',
  readingText: 'reading-text',
  chromeRules: 'chrome-rules',
  viewportText: 'viewport-text',
  scheduler: 'scheduler',
};

/** The global the bundle leaves its modules on. */
const GLOBAL = '__glossDom';

/** What WXT's Vite build does for the content script: `@/` is the project root, `?inline` CSS is its text. */
const asInWxt: Plugin = {
  name: 'gloss-as-in-wxt',
  setup(bundler) {
    bundler.onResolve({ filter: /^@\// }, (args) => bundler.resolve(`./${args.path.slice(2)}`, { resolveDir: ROOT, kind: args.kind }));
    bundler.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    bundler.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/** One script that puts the modules on `globalThis.__glossDom`. */
export async function bundle(modules: readonly (keyof Modules)[]): Promise<string> {
  const imports = modules.map((name) => `import * as ${name} from '@/entrypoints/content/${FILES[name]}';`);
  const result = await build({
    stdin: { contents: `${imports.join('\n')}\nglobalThis.${GLOBAL} = { ${modules.join(', ')} };`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [asInWxt],
  });
  return result.outputFiles[0]!.text;
}

interface Tab {
  goto(url: string): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

async function launchTab(name: BrowserName): Promise<Tab> {
  if (name === 'chromium') {
    const browser: PwBrowser = await chromium.launch({
      executablePath: requireBinary('CHROMIUM_PATH', '/usr/bin/chromium', 'Chromium'),
      headless: true,
      args: [...CHROMIUM_FLAGS, ...chromiumOfflineFlags()],
    });
    const page = await browser.newPage({ viewport: VIEWPORT });
    return {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
      evaluate: (expression) => page.evaluate(expression),
      close: () => browser.close(),
    };
  }
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBinary('FIREFOX_PATH', '/usr/bin/firefox-esr', 'Firefox'),
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: firefoxOfflinePrefs(),
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (expression) => page.evaluate(expression) as Promise<never>,
    close: () => browser.close(),
  };
}

export interface DomPage<M> {
  /** Runs `fn(modules, ...args)` in the page and returns its (JSON-serialisable) result, awaited. */
  run<T, A extends unknown[]>(fn: (modules: M, ...args: A) => T | Promise<T>, ...args: A): Promise<T>;
}

export interface DomPages<M> {
  /**
   * Loads a page and adds the modules to it. `html` is a whole document when it starts with `<!doctype`, else the
   * body of one (title "Test page"); its scripts run before the modules arrive.
   */
  open(html: string): Promise<DomPage<M>>;
  /** Loads `tests/fixtures/pages/<file>` instead. */
  openFixture(file: string): Promise<DomPage<M>>;
}

const wholeDocument = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head>` +
  `<body style="margin:0;font:16px/1.5 sans-serif">${body}</body></html>`;

/** Launches `name` for the enclosing describe block (`beforeAll`/`afterAll`) and opens pages with `modules` in them. */
export function domPages<K extends keyof Modules>(name: BrowserName, modules: readonly K[]): DomPages<Pick<Modules, K>> {
  let tab: Tab | undefined;
  let server: TestServer | undefined;
  let script = '';
  let pages = 0;

  beforeAll(async () => {
    [script, server, tab] = await Promise.all([bundle(modules), startServer(), launchTab(name)]);
  });
  afterAll(async () => {
    await tab?.close();
    await server?.close();
  });

  const load = async (url: string): Promise<DomPage<Pick<Modules, K>>> => {
    await tab!.goto(url);
    await tab!.evaluate(`${script}\n;true`);
    return {
      run: (fn, ...args) => tab!.evaluate(`(${functionSource(fn)}).apply(null, [globalThis.${GLOBAL}, ...${JSON.stringify(args)}])`),
    };
  };
  return {
    open(html) {
      const path = `/page-${++pages}.html`;
      server!.route(path, /^<!doctype/i.test(html) ? html : wholeDocument(html));
      return load(server!.url(path));
    },
    openFixture: (file) => load(server!.url(file)),
  };
}
