/**
 * Reads the hand-annotated corpus in tests/fixtures/corpus: each page's text
 * with its gold mentions written inline as {{surface|entity-id}}.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const CORPUS_DIR = new URL('../fixtures/corpus/', import.meta.url).pathname;
/** Pages written after the matcher, never tuned against: their scores are the honest estimate. */
export const HELDOUT_DIR = new URL('../fixtures/corpus-heldout/', import.meta.url).pathname;
/** A third set, written later still; its first run is recorded in its README, and it has been used since. */
export const HELDOUT_2_DIR = new URL('../fixtures/corpus-heldout-2/', import.meta.url).pathname;

export interface GoldMention {
  entity: string;
  start: number;
  end: number;
  text: string;
}

export interface CorpusPage {
  file: string;
  confuser: boolean;
  text: string;
  gold: GoldMention[];
}

const MARKUP = /\{\{([^{}|]+)\|([a-z0-9-]+)\}\}/g;

export function parseAnnotated(file: string, source: string): CorpusPage {
  let text = '';
  let last = 0;
  const gold: GoldMention[] = [];
  for (const m of source.matchAll(MARKUP)) {
    text += source.slice(last, m.index);
    gold.push({ entity: m[2]!, start: text.length, end: text.length + m[1]!.length, text: m[1]! });
    text += m[1];
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  if (/\{\{|\}\}/.test(text)) throw new Error(`${file}: malformed {{…|…}} markup`);
  return { file, confuser: file.startsWith('confuser-'), text, gold };
}

export function readCorpus(dir = CORPUS_DIR): CorpusPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseAnnotated(name, readFileSync(dir + name, 'utf8')));
}
