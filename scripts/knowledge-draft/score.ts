/**
 * How good a draft is, against what a maintainer kept: the share of the expected entities it finds with the right
 * kind, the share of the expected quotes it finds with the right speaker and paragraph, and whether every quote it
 * proposes is verbatim in its paragraph. A draft entity is the expected one when it is the same knowledge entry
 * (`existing`), has its id, or writes one of its names (not a bare short form).
 */
import { surfaceKey } from '../../core/normalize';
import { Alias, type EntityKind, type Knowledge } from '../../knowledge/schema';
import { normaliseForQuote } from '../../knowledge/verify-quotes';
import type { Draft, DraftEntity } from './draft';

export interface ExpectedEntity {
  id: string;
  kind: EntityKind;
  /** In the knowledge's alias shape: a string is a name, `{ text, form }` says how the form counts. */
  aliases: unknown[];
}

export interface Expected {
  entities: ExpectedEntity[];
  /** Entities a speaker may be besides the required ones (the knowledge's others). */
  speakers?: ExpectedEntity[];
  quotes: { text: string; speaker: string; paragraph: number }[];
}

export interface Score {
  entities: { found: number; total: number; missing: string[]; wrongKind: string[] };
  quotes: { found: number; total: number; missing: string[] };
  verbatim: { ok: number; total: number; failing: string[] };
}

function nameKeys(entity: ExpectedEntity): Set<string> {
  const keys = entity.aliases
    .map((raw) => Alias.parse(raw))
    .filter((a) => a.form !== 'short')
    .map((a) => surfaceKey(a.text));
  return new Set(keys);
}

const draftAliasText = (alias: DraftEntity['aliases'][number]) => (typeof alias === 'string' ? alias : alias.text);

/** The draft entities that stand for `expected`. */
function matches(draft: Draft, expected: ExpectedEntity): DraftEntity[] {
  const keys = nameKeys(expected);
  return draft.entities.filter(
    (e) => e.existing === expected.id || e.id === expected.id || e.aliases.some((a) => keys.has(surfaceKey(draftAliasText(a)))),
  );
}

export function scoreDraft(draft: Draft, expected: Expected, articleText: string): Score {
  const entities: Score['entities'] = { found: 0, total: expected.entities.length, missing: [], wrongKind: [] };
  for (const entity of expected.entities) {
    const found = matches(draft, entity);
    if (found.some((e) => e.kind === entity.kind)) entities.found++;
    else if (found.length > 0) entities.wrongKind.push(`${entity.id} (${entity.kind}, drafted as ${found.map((e) => e.kind).join('/')})`);
    else entities.missing.push(entity.id);
  }
  const everyone = new Map([...(expected.speakers ?? []), ...expected.entities].map((e) => [e.id, e]));
  const quotes: Score['quotes'] = { found: 0, total: expected.quotes.length, missing: [] };
  for (const quote of expected.quotes) {
    const speaker = everyone.get(quote.speaker);
    const speakers = new Set(speaker ? matches(draft, speaker).map((e) => e.id) : []);
    const text = normaliseForQuote(quote.text);
    const hit = draft.quotes.some((q) => {
      const drafted = normaliseForQuote(q.text);
      return q.paragraph === quote.paragraph && q.speaker !== null && speakers.has(q.speaker) && (drafted.includes(text) || text.includes(drafted));
    });
    if (hit) quotes.found++;
    else quotes.missing.push(`¶${quote.paragraph} ${quote.speaker}: "${quote.text.slice(0, 60)}"`);
  }
  const paragraphs = articleText.split(/\r?\n/).map(normaliseForQuote);
  const verbatim: Score['verbatim'] = { ok: 0, total: draft.quotes.length, failing: [] };
  for (const quote of draft.quotes) {
    if (paragraphs[quote.paragraph - 1]?.includes(normaliseForQuote(quote.text))) verbatim.ok++;
    else verbatim.failing.push(`¶${quote.paragraph}: "${quote.text}"`);
  }
  return { entities, quotes, verbatim };
}

/** The ids of the required entities in a file laid out as shared/entities.md: the tables of sections not marked "not required". */
export function requiredIds(markdown: string): string[] {
  const ids: string[] = [];
  let required = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('#')) required = /kind `/.test(line) && !/not required/i.test(line);
    const cell = /^\|\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\|/.exec(line)?.[1];
    if (required && cell && cell !== 'id') ids.push(cell);
  }
  return ids;
}

/** What a draft of `sourceId` should hold: the knowledge's entities of that source but events (or the `required` ones), and the quotes that rest on it (an entity of several sources holds others' too). */
export function expectedFromKnowledge(knowledge: Knowledge, sourceId: string, required?: string[]): Expected {
  const ofSource = knowledge.entities.filter((e) => e.sources.some((s) => s.source === sourceId));
  const wanted = required ? knowledge.entities.filter((e) => required.includes(e.id)) : ofSource.filter((e) => e.kind !== 'event');
  const quotes = new Map<string, Expected['quotes'][number]>();
  for (const entity of ofSource) {
    for (const q of entity.quotes.filter((quote) => quote.source === sourceId)) {
      quotes.set(`${q.paragraph} ${q.speaker} ${q.text}`, { text: q.text, speaker: q.speaker, paragraph: q.paragraph });
    }
  }
  return { entities: wanted, speakers: knowledge.entities, quotes: [...quotes.values()] };
}

export function percent(found: number, total: number): string {
  return total === 0 ? '–' : `${((100 * found) / total).toFixed(1)}%`;
}
