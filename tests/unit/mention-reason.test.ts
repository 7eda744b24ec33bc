import { describe, expect, it } from 'vitest';
import { mentionReason } from '@/core/mention-reason';
import { createContext, createMatcher } from '@/core/match';
import knowledge from 'virtual:gloss-knowledge';

const names = new Map(knowledge.entities.map((entity) => [entity.id, entity.name]));
const matcher = createMatcher(knowledge.index);

/** What a card says of each mark the matcher makes in `text`, in page order. */
function reasons(text: string): (string | null)[] {
  return matcher.match(text, createContext()).map((mention) => mentionReason(mention, names.get(mention.entity)!));
}

describe('the reasoning line of a mark', () => {
  it.each([
    ['a display-name match says nothing', 'Shehbaz Sharif spoke.', [null]],
    ['nor does one in capitals across a line break', 'IRAN AND\nPAKISTAN', [null, null]],
    [
      'a bare surname names the earlier full name',
      'Shehbaz Sharif met the envoy. Later, Sharif left.',
      [null, '“Sharif” — taken as Shehbaz Sharif, named earlier on this page'],
    ],
    ['a listed misspelling', 'President Pezeshkiyan arrived.', ['“Pezeshkiyan” — a variant spelling of Masoud Pezeshkian']],
    ['a near-miss given name', 'Masood Pezeshkian arrived.', ['“Masood Pezeshkian” — a variant spelling of Masoud Pezeshkian']],
    ['a title form', 'PM Shehbaz said so.', ['“Shehbaz” — taken as Shehbaz Sharif from the title before it']],
    ['an acronym', 'The BLA claimed it.', ['“BLA” — short for Balochistan Liberation Army']],
    ['a short form readers meet alone', 'Trump said so.', ['“Trump” — short for Donald Trump']],
  ])('%s', (_what, text, expected) => {
    expect(reasons(text)).toEqual(expected);
  });
});
