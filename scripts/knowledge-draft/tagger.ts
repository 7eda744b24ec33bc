/**
 * The one place the NLP library is used: compromise tags each word of a paragraph in context (Person, FirstName,
 * Country, City, Organization, Demonym, Date, Preposition, …), and tags a phrase on its own to ask its lexicon what
 * it knows of the phrase. Its lexicon and rules ship inside the package: nothing is downloaded.
 */
import nlp from 'compromise';

export type Tags = ReadonlySet<string>;

const NONE: Tags = new Set();

interface TermJson {
  tags?: string[];
  offset?: { start: number; length: number };
}

/** Tags of each word of `text`, by the offset where the word starts. */
export function tagWords(text: string): Map<number, Tags> {
  const out = new Map<number, Tags>();
  const sentences = nlp(text).json({ offset: true }) as { terms: TermJson[] }[];
  for (const term of sentences.flatMap((s) => s.terms)) {
    if (term.offset) out.set(term.offset.start, new Set(term.tags ?? []));
  }
  return out;
}

/** Region codes whose names are no country: the EU, the eurozone, the UN, outlying Oceania, pseudo and unknown regions. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/** Short names English news gives countries that neither lexicon holds ("United Kingdom" is ICU's). */
const SHORT_COUNTRY_NAMES = ['Britain', 'Great Britain'];

/**
 * Country names the tagger's lexicon lacks (Georgia, Jordan, Laos, the Philippines, Chad, Türkiye …), from the
 * region names of the runtime's own ICU data: "Myanmar (Burma)" gives both names.
 */
const COUNTRIES: ReadonlySet<string> = (() => {
  const names = new Set(SHORT_COUNTRY_NAMES.map((n) => n.toLowerCase()));
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = regions.of(code);
      if (!name || name === code || NOT_COUNTRIES.has(code)) continue;
      for (const part of name.split(/\s*[()]\s*/).filter(Boolean)) names.add(part.toLowerCase());
    }
  }
  return names;
})();

const cache = new Map<string, Tags[]>();

/** The tags of each word of `phrase` read on its own, which is what the lexicon says of it (countries completed). */
export function lexiconTags(phrase: string): Tags[] {
  let tags = cache.get(phrase);
  if (!tags) {
    const sentences = nlp(phrase).json() as { terms: TermJson[] }[];
    tags = sentences.flatMap((s) => s.terms).map((term) => new Set(term.tags ?? []));
    if (COUNTRIES.has(phrase.toLowerCase())) tags = tags.map((t) => new Set([...t, 'Country', 'Place', 'ProperNoun']));
    cache.set(phrase, tags);
  }
  return tags;
}

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;

/** A word the lexicon lists, so a word of English rather than a syllable of a name. */
export function isEnglishWord(word: string): boolean {
  return Object.hasOwn(LEXICON, word.toLowerCase());
}

export function tagsAt(tags: Map<number, Tags>, start: number): Tags {
  return tags.get(start) ?? NONE;
}

/** True when every word of `phrase` carries one of `wanted` in the lexicon. */
export function lexiconIs(phrase: string, wanted: readonly string[]): boolean {
  const tags = lexiconTags(phrase);
  return tags.length > 0 && tags.every((t) => wanted.some((w) => t.has(w)));
}

/** What the lexicon says of a given name: 'she', 'he', or undefined when it does not know. */
export function genderOf(givenName: string): 'he' | 'she' | undefined {
  const tags = lexiconTags(givenName)[0];
  if (tags?.has('FemaleName')) return 'she';
  if (tags?.has('MaleName')) return 'he';
  return undefined;
}
