/**
 * The one protocol between the extension's pages (popup, background) and a
 * tab's content script. Messages are named by what they ask of the page.
 */
import { browser } from '#imports';
import type { CardKnowledge, PackedPage } from '@/knowledge/bundle';
import type { Scope } from '@/core/settings';

export interface PageSummary {
  hostname: string;
  /** Whether Gloss runs on this page under the current settings. */
  active: boolean;
  /** Entities found on the page (shown or filtered out), with their number of marks. */
  found: { entity: string; count: number }[];
}

export interface Diagnostics {
  /** Work units (characters) a slice may take, and the recent slices: units done and milliseconds taken. */
  budgetUnits: number;
  slices: { units: number; ms: number }[];
  /** `performance.now()` of the page (one clock for the page and the content script) at the script's first statement, */
  scriptStart: number;
  /** when the first pass over the page had registered its highlights (null while it runs), */
  firstPassDone: number | null;
  /** and when the latest change to the page had been marked. */
  lastUpdateDone: number | null;
  /** How many times a name added to the page made Gloss find the whole page again. */
  rescans: number;
  /** What the page is marked for: its reading text ('article') or all of it ('page'). */
  scope: Scope;
}

/**
 * What the popup and the background ask of a tab's content script, call by call: the message's fields beside its
 * `type`, and the answer. The senders, the content script's handler table and the guard below are all derived from it.
 */
export interface PageCalls {
  /** Step to the next (1) or previous (-1) mark and open its card; the keyboard command sends it. Answers whether it did. */
  'gloss:step': { message: { direction: 1 | -1 }; reply: boolean };
  /** What is on this page, for the popup. */
  'gloss:summary': { message: object; reply: PageSummary };
  /** Scroll to the first mark of an entity and open its card. Answers whether there was one. */
  'gloss:reveal': { message: { entity: string }; reply: boolean };
  /** How the page's work was sliced, for tests and for anyone checking that Gloss never held the page up. */
  'gloss:diagnostics': { message: object; reply: Diagnostics };
}

export type PageCall = keyof PageCalls;

export type ToPage<K extends PageCall = PageCall> = { [C in K]: { type: C } & PageCalls[C]['message'] }[K];

export type Reply<K extends PageCall> = PageCalls[K]['reply'];

/** The content script's answer to each call. */
export type PageHandlers = { [K in PageCall]: (message: ToPage<K>) => Reply<K> | Promise<Reply<K>> };

const PAGE_CALLS: Record<PageCall, true> = { 'gloss:step': true, 'gloss:summary': true, 'gloss:reveal': true, 'gloss:diagnostics': true };

export function isToPage(message: unknown): message is ToPage {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(PAGE_CALLS, type);
}

export function sendToTab<K extends PageCall>(tabId: number, message: ToPage<K>): Promise<Reply<K>> {
  return browser.tabs.sendMessage(tabId, message) as Promise<Reply<K>>;
}

/** Asked of the background by a content script when a card first opens: what that entity's card shows. */
export interface CardQuestion {
  type: 'gloss:card';
  entity: string;
}

export function isCardQuestion(message: unknown): message is CardQuestion {
  const question = message as Partial<CardQuestion> | null;
  return question?.type === 'gloss:card' && typeof question.entity === 'string';
}

/** The card knowledge of `entity`, or null when the background doesn't know it or doesn't answer. */
export async function askCard(entity: string): Promise<CardKnowledge | null> {
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'gloss:card', entity } satisfies CardQuestion)) as CardKnowledge | null;
    return answer ?? null;
  } catch {
    return null;
  }
}

/**
 * Asked of the background by a content script as it starts: the packed knowledge it finds names with. The script
 * itself carries none, so that what every page parses does not grow with the knowledge.
 */
export interface KnowledgeQuestion {
  type: 'gloss:knowledge';
}

export function isKnowledgeQuestion(message: unknown): message is KnowledgeQuestion {
  return (message as { type?: unknown } | null)?.type === 'gloss:knowledge';
}

const isPackedPage = (answer: unknown): answer is PackedPage =>
  typeof answer === 'object' && answer !== null && 'index' in answer && Array.isArray((answer as { profiles?: unknown }).profiles);

/** The page's knowledge, or null when the background doesn't answer (the extension was updated or removed). */
export async function askKnowledge(): Promise<PackedPage | null> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'gloss:knowledge' } satisfies KnowledgeQuestion);
    return isPackedPage(answer) ? answer : null;
  } catch {
    return null;
  }
}

/** Asked of the background by a content script: the key the reader set for "next mark", '' when none. */
export interface ShortcutQuestion {
  type: 'gloss:shortcut';
}

export function isShortcutQuestion(message: unknown): message is ShortcutQuestion {
  return (message as { type?: unknown } | null)?.type === 'gloss:shortcut';
}

/** Only extension pages and the background read commands; the content script asks. '' when no answer comes. */
export async function askShortcut(): Promise<string> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'gloss:shortcut' } satisfies ShortcutQuestion);
    return typeof answer === 'string' ? answer : '';
  } catch {
    return '';
  }
}
