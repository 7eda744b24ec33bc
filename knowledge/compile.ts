/**
 * Compiles the knowledge's surface forms into the index the matcher walks.
 * Runs at build and test time; the extension bundles its output.
 */
import type { Entity, Knowledge } from './schema';
import { WORD, foldKey, gapKind, isAllCaps, startsUpper } from '../core/normalize';
import { FUZZY_SURNAME_LENGTH, GIVEN_NAME_LENGTH } from '../core/match-thresholds';
import { takesTitle, titleForm } from '../core/match-title';
import { CaseRule, type AliasForm, type CompiledAlias, type CompiledIndex, type CompiledTitle, type CompiledWords } from '../core/types';

export class AliasError extends Error {}

interface Cut {
  words: string[];
  gaps: CompiledAlias['gaps'];
  trailingDot: boolean;
}

/** Cuts an alias into words and the gaps between them, or says why it can't be matched. */
export function cutAlias(text: string): Cut {
  const words: string[] = [];
  const gaps: CompiledAlias['gaps'] = [];
  let last = -1;
  for (const m of text.matchAll(WORD)) {
    if (last >= 0) {
      const gap = gapKind(text.slice(last, m.index));
      if (!gap) throw new AliasError(`"${text}" has "${text.slice(last, m.index)}" between words, which no page name is written with`);
      gaps.push(gap);
    } else if (m.index !== 0) {
      throw new AliasError(`"${text}" must start with a letter or digit`);
    }
    words.push(m[0]);
    last = m.index + m[0].length;
  }
  if (words.length === 0) throw new AliasError(`"${text}" has no words`);
  const tail = text.slice(last);
  if (tail !== '' && tail !== '.') throw new AliasError(`"${text}" ends with "${tail}"`);
  if (!startsUpper(words[0], 0) && !/^\p{N}/u.test(words[0])) {
    throw new AliasError(`"${text}" must start with a capital letter or a digit`);
  }
  return { words, gaps, trailingDot: tail === '.' };
}

function caseOf(word: string, form: AliasForm): CaseRule {
  if (form === 'acronym' || (word.length >= 2 && isAllCaps(word))) return CaseRule.Exact;
  return startsUpper(word, 0) ? CaseRule.Capital : CaseRule.Any;
}

interface AliasInput {
  entity: Entity;
  text: string;
  form: AliasForm;
  ownerKeys: string[];
}

function compileAlias({ entity, text, form, ownerKeys }: AliasInput): CompiledAlias {
  const cut = cutAlias(text);
  const keys = cut.words.map(foldKey);
  const cases = cut.words.map((word) => caseOf(word, form));
  return {
    entity: entity.id,
    form,
    keys,
    cases,
    // Only exact-case words are compared as written; the others would only make the content script bigger.
    words: cut.words.map((word, i) => (cases[i] === CaseRule.Exact ? word : '')),
    gaps: cut.gaps,
    markFrom: 0,
    trailingDot: cut.trailingDot,
    claims: ownerKeys.filter((key) => key === keys.join(' ') || keys.includes(key)),
  };
}

/** A title's words may be written in any case ("prime minister"), but in capitals they are an acronym ("PM"). */
function compileTitle(text: string): CompiledTitle {
  const cut = cutAlias(text);
  const cases = cut.words.map((word) => (isAllCaps(word) ? caseOf(word, 'title') : CaseRule.Any));
  return {
    keys: cut.words.map(foldKey),
    cases,
    words: cut.words.map((word, i) => (cases[i] === CaseRule.Exact ? word : '')),
    gaps: cut.gaps,
    trailingDot: cut.trailingDot,
  };
}

function compileEntity(entity: Entity, index: CompiledIndex, namesakeIds: string[], titleIds: Map<string, number>): void {
  // Readers meet standalone short forms ("Trump") alone and take them for the famous bearer even after a relative was named.
  const owned = entity.aliases.filter((a) => (a.form === 'short' && !a.standalone) || a.nameLike);
  const ownerKeys = owned.map((a) => cutAlias(a.text).words.map(foldKey).join(' '));
  const base: CompiledAlias[] = [];
  for (const alias of entity.aliases) {
    const compiled = compileAlias({ entity, text: alias.text, form: alias.form, ownerKeys });
    const licensed = alias.form === 'short' && !alias.standalone;
    if (alias.after ?? licensed) compiled.after = alias.after ?? [entity.id];
    if (owned.includes(alias)) compiled.ownerKey = compiled.keys.join(' ');
    if (alias.compoundOnly) compiled.compoundOnly = true;
    if (alias.alsoWord) compiled.alsoWord = true;
    if (alias.namesakes) compiled.namesakes = namesakeIds.indexOf(alias.namesakes);
    if (alias.nameLike) compiled.nameLike = true;
    base.push(compiled);
    const position = index.aliases.push(compiled) - 1;
    if (entity.kind === 'person' && alias.form === 'short' && compiled.keys.length === 1 && compiled.keys[0].length >= FUZZY_SURNAME_LENGTH) {
      index.fuzzy.push({ key: compiled.keys[0], alias: position });
    }
  }
  const titles = (entity.titles ?? []).map((text) => {
    if (!titleIds.has(text)) titleIds.set(text, index.titles.push(compileTitle(text)) - 1);
    return titleIds.get(text)!;
  });
  index.entities.push({ id: entity.id, titles });
  for (const title of titles) {
    for (const alias of base) if (takesTitle(alias)) index.aliases.push(titleForm(index.titles[title]!, alias));
  }
  if (entity.kind === 'person') {
    const given = new Set<string>();
    for (const alias of entity.aliases) {
      if (alias.form !== 'name' && alias.form !== 'variant') continue;
      const keys = cutAlias(alias.text).words.map(foldKey);
      for (const key of keys.slice(0, -1)) if (key.length >= GIVEN_NAME_LENGTH) given.add(key);
    }
    index.givenNames[entity.id] = [...given];
  }
}

/** The words of a name that marks nothing, with the case rules of a name. */
export function compileWords(text: string): CompiledWords {
  const { words, gaps } = cutAlias(text);
  const cases = words.map((word) => caseOf(word, 'name'));
  return { keys: words.map(foldKey), cases, words: words.map((word, i) => (cases[i] === CaseRule.Exact ? word : '')), gaps };
}

const nameKey = (text: string) => cutAlias(text).words.map(foldKey).join(' ');

/**
 * Compiles every entity's aliases, the other names and the namesake sets; throws an AliasError naming the entity
 * and alias that can't be compiled.
 */
export function compileIndex({ entities, otherNames, namesakes }: Pick<Knowledge, 'entities' | 'otherNames' | 'namesakes'>): CompiledIndex {
  const index: CompiledIndex = {
    aliases: [],
    titles: [],
    entities: [],
    fuzzy: [],
    givenNames: {},
    otherNames: otherNames.map((name) => compileWords(name.text)),
    namesakes: namesakes.map((set) => ({
      names: set.names.map(nameKey),
      phrases: set.phrases.map((phrase) => phrase.toLowerCase()),
      sentenceWords: set.sentenceWords,
    })),
  };
  const namesakeIds = namesakes.map((set) => set.id);
  const titleIds = new Map<string, number>();
  for (const entity of entities) {
    try {
      compileEntity(entity, index, namesakeIds, titleIds);
    } catch (error) {
      if (error instanceof AliasError) throw new AliasError(`"${entity.id}", field aliases: ${error.message}`);
      throw error;
    }
  }
  return index;
}
