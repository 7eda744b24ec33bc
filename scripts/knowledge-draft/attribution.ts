/**
 * Quotations in a paragraph and where their attribution names the speaker. Pure text work, no names known: it
 * says which words of the sentence around a quote should hold the speaker ("Fatemeh Aman, senior fellow at the
 * Middle East Institute," before "told"), and `speakers.ts` finds the entity there.
 */

export interface QuoteSpan {
  /** The quoted words, without the marks and without a trailing comma, colon or semicolon. */
  start: number;
  end: number;
  /** The marks around it; `markEnd` is the paragraph's end when the quote runs on. */
  markStart: number;
  markEnd: number;
  /** No closing mark: by news convention the quote goes on in the next paragraph. */
  open: boolean;
}

export type AttributionVia = 'after' | 'before' | 'according-to' | 'subject' | 'continues' | 'none';

export interface Attribution {
  quote: QuoteSpan;
  text: string;
  /** The words that should name the speaker, as offsets into the paragraph. */
  slot?: { start: number; end: number };
  /** Where else to look when `slot` names no person: the whole subject, appositions and all. */
  wide?: { start: number; end: number };
  pronoun?: 'he' | 'she' | 'they';
  via: AttributionVia;
}

const OPENERS: Record<string, string> = { '\u201C': '\u201D', '\u201E': '\u201C\u201D', '\u00AB': '\u00BB', '"': '"' };
/** Before an opening straight quote: nothing, a space, a bracket or a dash; after a letter it closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/]/;

export function findQuotes(paragraph: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let open: { at: number; closers: string } | null = null;
  const push = (markStart: number, end: number, markEnd: number, isOpen: boolean) => {
    let start = markStart + 1;
    while (start < end && /\s/.test(paragraph[start]!)) start++;
    let stop = end;
    while (stop > start && /[\s,;:]/.test(paragraph[stop - 1]!)) stop--;
    if (stop > start) quotes.push({ start, end: stop, markStart, markEnd, open: isOpen });
  };
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i]!;
    if (open) {
      if (open.closers.includes(c)) {
        push(open.at, i, i + 1, false);
        open = null;
      }
    } else if (c in OPENERS && (c !== '"' || i === 0 || OPENS_AFTER.test(paragraph[i - 1]!))) {
      open = { at: i, closers: OPENERS[c]! };
    }
  }
  if (open) push(open.at, paragraph.length, paragraph.length, true);
  return quotes;
}

const SPEECH_VERB =
  /(?<![-\w])(said|asserted|says|say|told|tells|added|adds|noted|notes|stated|explained|explains|argued|argues|warned|warns|wrote|writes|asked|asks|replied|continued|insisted|insists|claimed|claims|declared|announced|stressed|stresses|emphasi[sz]ed|pointed out|believes|believed|thinks|commented|remarked|observed|suggested|suggests|concluded|recalled|admitted|acknowledged|urged|cautioned|maintained|tweeted|posted|reiterated|confirmed|predicted|called|described)\b/gi;
const ACCORDING_TO = /\baccording to\s+/i;
/** Words before a dot that do not end a sentence: titles, and single initials ("Donald J. Trump"). */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|No|vs|Inc|Ltd|Co)|\b\p{Lu}|\.\p{Lu})$/u;
/** Fewest words a quote needs to be taken as the sentence subject's words without a speech verb. */
const SUBJECT_MIN_WORDS = 4;

/** Offsets of sentence ends (just after the . ! or ?) in `text` between `from` and `to`, outside quotes. */
function sentenceEnds(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  for (let i = from; i < to; i++) {
    if (!/[.!?]/.test(text[i]!)) continue;
    const rest = text.slice(i + 1, i + 4);
    if (!/^(\s+["\u201C\u2018(]?[\p{Lu}\p{N}]|\s*$)/u.test(rest)) continue;
    if (text[i] === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 5), i))) continue;
    ends.push(i + 1);
  }
  return ends;
}

interface Range {
  start: number;
  end: number;
}

/** Trims spaces, commas and dashes from both ends of a range of `text`, and a sentence's full stop from its end. */
function trim(text: string, { start, end }: Range): Range {
  while (start < end && /[\s,:;\u2014\u2013-]/.test(text[start]!)) start++;
  while (end > start && /[\s,.:;\u2014\u2013-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** A pronoun as the whole subject ("she", "He also"), or right before the verb ("… that he believed"). */
const PRONOUN = /^(he|she|they)(?:\s+\p{Ll}+)?$|\b(he|she|they)$/iu;
/** Clauses that open a sentence before its subject: "After meeting Trump, Rubio said", "Though …, she said". */
const SUBORDINATE =
  /^(?:after|before|though|although|while|when|whereas|in|on|at|since|because|as|if|despite|during|following|speaking|asked|unlike|like|with|without|for|by|from|to|under|over|once|until|unless|amid|given|even|however|meanwhile|later|earlier)\b/i;

/**
 * Where the subject of a speech verb is named in the words before it. The clause next to the verb when it opens
 * with a name or pronoun ("…, while Okafor said", "After meeting Trump, Rubio said", "Though …, she said"); else
 * the first clause that is no subordinate one, appositions and all ("Lena Berg, an economist at …, told").
 */
function subjectOf(text: string, head: Range): { slot: Range; wide: Range } {
  const parts: Range[] = [];
  let from = head.start;
  for (let i = head.start; i <= head.end; i++) {
    if (i < head.end && !/[,\u2014\u2013]/.test(text[i]!)) continue;
    parts.push(trim(text, { start: from, end: i }));
    from = i + 1;
  }
  const bare = (p: Range) => text.slice(p.start, p.end).replace(/^(?:and|but|yet|so)\s+/i, '');
  const first = parts.find((p) => p.end > p.start && !SUBORDINATE.test(bare(p)));
  const wide = first ? { start: first.start, end: head.end } : head;
  const last = parts.at(-1)!;
  // A capital shows a name: no `i` flag, under which \p{Lu} would match any letter.
  const clause = text.slice(last.start, last.end);
  const lead = /^(?:(?:and|but|yet|so|while|whereas|as)\s+)?/.exec(clause)![0];
  const named = parts.length > 1 && /^(?:\p{Lu}|(?:he|she|they)\b)/u.test(clause.slice(lead.length));
  return { slot: named ? { start: last.start + lead.length, end: last.end } : wide, wide };
}

function slotIn(text: string, frame: Range, before: boolean): Pick<Attribution, 'slot' | 'wide' | 'via'> | null {
  const words = text.slice(frame.start, frame.end);
  const according = ACCORDING_TO.exec(words);
  if (according) {
    const from = frame.start + according.index + according[0].length;
    const stop = /[,.;]/.exec(text.slice(from, frame.end));
    return { slot: trim(text, { start: from, end: stop ? from + stop.index : frame.end }), via: 'according-to' };
  }
  // After a quote the first speech verb attributes it; before one, the last ("When she said no, Roof told her: …").
  const verbs = [...words.matchAll(SPEECH_VERB)];
  const verb = before ? verbs.at(-1) : verbs[0];
  if (!verb) return null;
  const at = frame.start + verb.index;
  const head = trim(text, { start: frame.start, end: at });
  const tail = trim(text, { start: at + verb[0].length, end: frame.end });
  // "…," and explained that …: the verb shares the subject of the quote before.
  if (/^(?:and|but|then)$/i.test(text.slice(head.start, head.end))) return { via: 'continues' };
  const { slot, wide } = head.end > head.start ? subjectOf(text, head) : { slot: tail, wide: tail };
  return slot.end > slot.start ? { slot, wide, via: before ? 'before' : 'after' } : null;
}

/** The frame after a quote: to the end of its sentence, or to the next quote. */
function frameAfter(text: string, quote: QuoteSpan, next: QuoteSpan | undefined): Range {
  const limit = next ? next.markStart : text.length;
  const end = sentenceEnds(text, quote.markEnd, limit)[0] ?? limit;
  return { start: quote.markEnd, end };
}

/** The frame before a quote: from its sentence's start, or from the previous quote, to the quote. */
function frameBefore(text: string, quote: QuoteSpan, previous: QuoteSpan | undefined): Range {
  const from = previous ? previous.markEnd : 0;
  const ends = sentenceEnds(text, from, quote.markStart);
  return { start: ends.at(-1) ?? from, end: quote.markStart };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Each quote of the paragraph with where its speaker is named. In order of preference: a speech verb after the
 * quote ("…," X said / said X), "according to X" or a speech verb before it (X said: "…"), the subject of the
 * sentence that holds a quote of some length (X called it "…"), and a quote with no attribution of its own
 * continues the previous quote's.
 */
export function attributeQuotes(paragraph: string): Attribution[] {
  const quotes = findQuotes(paragraph);
  const out: Attribution[] = [];
  quotes.forEach((quote, i) => {
    const text = paragraph.slice(quote.start, quote.end);
    const after = frameAfter(paragraph, quote, quotes[i + 1]);
    const before = frameBefore(paragraph, quote, quotes[i - 1]);
    let found = slotIn(paragraph, after, false) ?? slotIn(paragraph, before, true);
    const subject = trim(paragraph, before);
    if (!found && subject.end > subject.start && wordCount(text) >= SUBJECT_MIN_WORDS) found = { slot: subject, via: 'subject' };
    if (!found) {
      out.push({ quote, text, via: i > 0 ? 'continues' : 'none' });
      return;
    }
    const words = found.slot ? paragraph.slice(found.slot.start, found.slot.end) : '';
    const said = PRONOUN.exec(words);
    const pronoun = (said?.[1] ?? said?.[2])?.toLowerCase() as Attribution['pronoun'];
    out.push({ quote, text, ...found, ...(pronoun ? { pronoun } : {}) });
  });
  return out;
}
