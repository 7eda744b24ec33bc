/**
 * Who said each quote: the entity named where `attribution.ts` says the speaker stands. A person there wins over a
 * group or country (", Pakistan's Foreign Ministry spokesperson Shafqat Ali Khan told DW"); "he" or "she" is the
 * last person the article named outside quotes (surely a person), of that gender when the lexicon knows it; a quote without an
 * attribution of its own continues the one before it in its paragraph, and a quote left open at a paragraph's end
 * belongs to whoever speaks the next paragraph's opening quote.
 */
import type { ArticleWords } from './names';
import { attributeQuotes, type Attribution, type AttributionVia } from './attribution';
import type { EntityMention, FoundEntity } from './entities';
import { lexiconTags } from './tagger';

export interface FoundQuote {
  paragraph: number;
  text: string;
  speaker: FoundEntity | null;
  /** The words where the speaker was looked for, when no entity was found there. */
  speakerText?: string;
  via: AttributionVia | 'pronoun' | 'next-paragraph';
}

/** Quotes of fewer words that no one is found to have said are scare quotes ("so-called"), not someone's words. */
const MIN_UNATTRIBUTED_WORDS = 3;

/** A "he" or "she" stands for someone the article surely names as a person, not a name taken for one by default. */
const SURE_PERSON = 2;

interface Pending {
  quote: FoundQuote;
  attribution: Attribution;
}

export function resolveQuotes(article: ArticleWords, entities: FoundEntity[]): FoundQuote[] {
  const mentions = entities.flatMap((e) => e.mentions).sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const out: FoundQuote[] = [];
  let previousParagraph: Pending[] = [];
  article.paragraphs.forEach((text, i) => {
    const paragraph = i + 1;
    if (article.skipped.has(paragraph)) return;
    const here: Pending[] = [];
    for (const attribution of attributeQuotes(text)) {
      const quote = resolveOne(attribution, paragraph, text, mentions, here.at(-1)?.quote);
      const words = attribution.text.split(/\s+/).length;
      if (!quote.speaker && words < MIN_UNATTRIBUTED_WORDS) continue;
      here.push({ quote, attribution });
    }
    const opening = here[0];
    const startsWithQuote = opening && text.slice(0, opening.attribution.quote.markStart).trim() === '';
    const runOn = previousParagraph.at(-1);
    if (runOn?.attribution.quote.open && startsWithQuote) {
      if (!runOn.quote.speaker && opening.quote.speaker) Object.assign(runOn.quote, { speaker: opening.quote.speaker, via: 'next-paragraph' });
      else if (!opening.quote.speaker && runOn.quote.speaker) Object.assign(opening.quote, { speaker: runOn.quote.speaker, via: 'continues' });
    }
    out.push(...here.map((p) => p.quote));
    previousParagraph = here;
  });
  return out;
}

/**
 * The names a sentence opens with, joined by nouns ("Morton County sheriff Kyle Kirchmeier", "The Mandan, North
 * Dakota, police chief, Jason Ziegler"), up to the first verb: "Pakistan" alone in "Pakistan nominated Trump".
 */
function subjectNames(text: string, from: number, inSlot: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const mention of inSlot) {
    const gap = text.slice(from, mention.start).match(/\p{L}+/gu) ?? [];
    const verb = gap.some((w) => lexiconTags(w.toLowerCase())[0]?.has('Verb'));
    if (verb || gap.length > 3) break;
    out.push(mention);
    from = mention.end;
  }
  return out;
}

function resolveOne(a: Attribution, paragraph: number, text: string, mentions: EntityMention[], before: FoundQuote | undefined): FoundQuote {
  const base = { paragraph, text: a.text };
  if (a.via === 'continues' || a.via === 'none') {
    return { ...base, speaker: a.via === 'continues' ? (before?.speaker ?? null) : null, via: a.via };
  }
  const slot = a.slot!;
  const within = (range: { start: number; end: number }) =>
    mentions.filter((m) => m.paragraph === paragraph && !m.inQuote && m.start >= range.start && m.start < range.end);
  // "Russia's state shipping company Sovcomflot": the possessor modifies the name that speaks.
  const possessive = (m: EntityMention) => /^['\u2019]s\b/.test(text.slice(m.end));
  const inSlot = within(slot);
  // In an attribution the person named wins over their employer; a sentence's subject is the names it opens with.
  const candidates = (a.via === 'subject' ? subjectNames(text, slot.start, inSlot) : inSlot).filter(
    (m, i, all) => !possessive(m) || i === all.length - 1,
  );
  const person = [...candidates, ...(a.wide ? within(a.wide) : [])].find((m) => m.entity.kind === 'person');
  const named = person ?? candidates[0];
  if (named) return { ...base, speaker: named.entity, via: a.via };
  if (a.pronoun === 'he' || a.pronoun === 'she') {
    const quoteStart = a.quote.markStart;
    const earlier = mentions.filter(
      (m) =>
        !m.inQuote &&
        m.entity.kind === 'person' &&
        m.entity.certainty >= SURE_PERSON &&
        (m.paragraph < paragraph || (m.paragraph === paragraph && m.start < quoteStart)),
    );
    const antecedent = earlier.reverse().find((m) => !m.entity.gender || m.entity.gender === a.pronoun);
    if (antecedent) return { ...base, speaker: antecedent.entity, via: 'pronoun' };
  }
  return { ...base, speaker: null, speakerText: text.slice(slot.start, slot.end), via: a.via };
}
