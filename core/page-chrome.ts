/**
 * What pages write around a name that makes it no mention: a region in a language's label or locale tag, a web
 * address, a price, the pronoun "us" in capitals. Pure, like the matcher that asks; each takes the page's words.
 */
import { foldKey, isAllCaps, isSpaceOnly } from './normalize';
import { LANGUAGES } from './name-context';
import type { Words } from './types';

/** "en-US", "en_US", "EN-US": a language subtag joined to a region acronym makes a locale tag. */
const LANGUAGE_TAG_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{L}{2,3})([-_])$/u;
/** "United States (English)": the language a region's edition is written in. */
const LANGUAGE_AFTER = /^\s?\((\p{L}+)\)/u;
/**
 * What may follow a locale tag written in capitals ("EN-US |"), where a compound ("UK-US trade") goes on; a row of
 * such tags is a run of capitals, where acronyms never count.
 */
const TAG_END = /^(?:\s*$|\s*\n|\s*[|)\],;/\u00B7\u2022])/;
/** "USA.gov": a name followed by a top-level domain is part of a web address. */
const DOMAIN_AFTER = /^\.[a-z]{2,}(?![\p{L}\p{N}])/u;
/** "US$10 billion", "$25,000 U.S.": beside an amount, the acronym names its currency. */
const AMOUNT_BEFORE = /[$\u20AC\u00A3]\s?\d[\d,.]*\s$/;

const word = ({ text, starts, ends }: Words, k: number) => text.slice(starts[k], ends[k]);

/**
 * Words first.. (the mark ending at `end`) are a region in a language's label: "English (US)", "United States
 * (English)"; for acronyms also a locale tag ("en-US", "en_US", a lone "EN-US"), never two countries ("Pak-US").
 */
export function regionOfLanguage(words: Words, first: number, end: number, acronym: boolean): boolean {
  const { text, starts, ends } = words;
  const start = starts[first]!;
  if (first > 0 && text[end] === ')' && /^\s?\($/.test(text.slice(ends[first - 1], start)) && LANGUAGES.has(foldKey(word(words, first - 1)))) {
    return true;
  }
  const label = LANGUAGE_AFTER.exec(text.slice(end, end + 24));
  if (label && LANGUAGES.has(foldKey(label[1]!))) return true;
  if (!acronym) return false;
  const tag = LANGUAGE_TAG_BEFORE.exec(text.slice(Math.max(0, start - 5), start));
  if (!tag) return false;
  const [, code, joiner] = tag as unknown as [string, string, string];
  if (joiner === '_' || code === code.toLowerCase()) return true;
  return code.length === 2 && code === code.toUpperCase() && TAG_END.test(text.slice(end, end + 3));
}

/** "CONTACT US", "FOLLOW US": after another ALL-CAPS word but "THE", a word that is also an acronym is the word. */
export function wordInCapitals(words: Words, first: number): boolean {
  if (first === 0) return false;
  const before = word(words, first - 1);
  return (
    isSpaceOnly(words.text.slice(words.ends[first - 1], words.starts[first])) && before.length >= 2 && isAllCaps(before) && foldKey(before) !== 'the'
  );
}

export function inWebAddress(text: string, end: number): boolean {
  return DOMAIN_AFTER.test(text.slice(end, end + 12));
}

/** The acronym spanning start..end names a currency. */
export function currency(text: string, start: number, end: number): boolean {
  return text[end] === '$' || AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}
