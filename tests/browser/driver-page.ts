/** The page methods both browsers share, written once over the few primitives each browser supplies. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { GlossPage, LogEntry } from './driver';
import type { BaseBrowser } from './driver-browser';
import { POINTER_STEPS, POLL_MS, sleep } from './driver-setup';
import { type Located, PAGE } from './page-calls';
import { type Helpers, withHelpers } from './page-helpers';
import { callExpression } from './page-source';

export abstract class BasePage implements GlossPage {
  constructor(protected readonly owner: BaseBrowser) {}

  abstract url(): string;
  /** Evaluates an expression in the main world, awaiting a promise result. */
  abstract raw<T>(expression: string): Promise<T>;
  protected abstract mouseMove(x: number, y: number, steps: number): Promise<void>;
  protected abstract mouseClick(x: number, y: number): Promise<void>;
  protected abstract keyPress(key: string): Promise<void>;
  protected abstract bringToFront(): Promise<void>;
  protected abstract navigate(url: string): Promise<void>;
  protected abstract doReload(): Promise<void>;
  protected abstract doScreenshot(path: string): Promise<void>;
  protected abstract doClose(): Promise<void>;

  tabId(): Promise<number> {
    return this.owner.tabIdOf(this);
  }
  front(): Promise<void> {
    return this.bringToFront();
  }
  abstract onLog(listener: (entry: LogEntry) => void): () => void;

  evaluate<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]): Promise<T> {
    return this.raw<T>(callExpression(fn, args));
  }
  private helper<T, A extends unknown[]>(fn: (h: Helpers, ...args: A) => T, ...args: A): Promise<T> {
    return this.raw<T>(withHelpers(fn, args));
  }

  highlights(): Promise<Record<string, number>> {
    return this.raw(callExpression(PAGE.highlights, []));
  }
  highlightTexts(name: string): Promise<string[]> {
    return this.helper(PAGE.highlightTexts, name);
  }

  async waitFor(fn: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    const expression = callExpression(fn, []);
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    let polls = 0;
    for (;;) {
      polls++;
      try {
        if (await this.raw<unknown>(expression)) return;
        lastError = undefined;
      } catch (error) {
        lastError = error; // e.g. the page is between documents: try again
      }
      if (Date.now() >= deadline) {
        const cause = lastError instanceof Error ? ` (last attempt threw: ${lastError.message.split('\n')[0]})` : '';
        throw new Error(`Timed out after ${timeoutMs} ms (${polls} polls) waiting for ${what} on ${this.url()}${cause}`);
      }
      await sleep(POLL_MS);
    }
  }

  private async pointAt(located: Located, action: string): Promise<{ x: number; y: number }> {
    if ('error' in located) throw new Error(`${action}: ${located.error} (on ${this.url()})`);
    return located;
  }

  async hoverText(text: string, occurrence = 0): Promise<void> {
    await this.front();
    const { x, y } = await this.pointAt(await this.helper(PAGE.locateText, text, occurrence), `hoverText("${text}", ${occurrence})`);
    await this.mouseMove(x, y, POINTER_STEPS);
  }
  async moveAway(): Promise<void> {
    await this.front();
    const { x, y } = await this.helper(PAGE.emptyCorner);
    await this.mouseMove(x, y, POINTER_STEPS);
  }
  async press(key: string): Promise<void> {
    await this.front();
    await this.keyPress(key);
  }
  async click(text: string): Promise<void> {
    await this.front();
    const { x, y } = await this.pointAt(await this.helper(PAGE.locateClickable, text), `click("${text}")`);
    await this.mouseMove(x, y, POINTER_STEPS);
    await this.mouseClick(x, y);
  }
  async moveTo(x: number, y: number): Promise<void> {
    await this.front();
    await this.mouseMove(x, y, POINTER_STEPS);
  }
  async clickAt(x: number, y: number): Promise<void> {
    await this.moveTo(x, y);
    await this.mouseClick(x, y);
  }
  async addScript(source: string): Promise<void> {
    await this.raw(`${source}\n;true`);
  }
  dialog(): Promise<{ name: string; text: string } | null> {
    return this.helper(PAGE.dialog);
  }
  serialize(): Promise<string> {
    return this.raw(callExpression(PAGE.serialize, []));
  }
  async screenshot(path: string): Promise<void> {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    await this.doScreenshot(resolve(path));
  }
  reload(): Promise<void> {
    return this.doReload();
  }
  goto(url: string): Promise<void> {
    return this.navigate(url);
  }
  close(): Promise<void> {
    return this.doClose();
  }
}
