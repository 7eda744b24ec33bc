import { describe, expect, it } from 'vitest';
import { createMatcher, type Decision, type Matcher } from '@/core/match';
import { RULES, type RuleId } from '@/core/match-rules';
import { compileIndex } from '@/knowledge/compile';
import { loadKnowledge } from '@/knowledge/load';

/**
 * Each matching rule on its own: what a reader sees with the whole table, what they would see with only that rule
 * left out, and which rule `annotate --why` names for the span ("span=rule"; `form` when no rule decided).
 */
const index = compileIndex(loadKnowledge());
const full = createMatcher(index);
const marks = (matcher: Matcher, text: string) => matcher.match(text).map((m) => `${m.entity}: ${m.text}`);
function decided(text: string): string[] {
  const decisions: Decision[] = [];
  full.match(text, undefined, (d) => decisions.push(d));
  return decisions.map((d) => `${text.slice(d.start, d.end)}=${d.rule}`);
}

type Row = [what: string, text: string, marks: string[], without: string[], decided: string];

const TABLES: Record<RuleId, Row[]> = {
  'compound-only': [
    ['the short prefix alone', 'Pak is not a country name on its own.', [], ['pakistan: Pak'], 'Pak=compound-only'],
    [
      'the prefix before a comma',
      'Pak, Iran and India',
      ['iran: Iran', 'india: India'],
      ['pakistan: Pak', 'iran: Iran', 'india: India'],
      'Pak=compound-only',
    ],
    ['the prefix in a compound', 'Pak-Iran trade rose by a third.', ['pakistan: Pak', 'iran: Iran'], ['pakistan: Pak', 'iran: Iran'], 'Pak=form'],
  ],
  namesake: [
    ['a list of states', 'Oregon, Washington and Idaho', [], ['washington: Washington'], 'Washington=namesake'],
    ['a phrase of the state', 'The state of Washington sued.', [], ['washington: Washington'], 'Washington=namesake'],
    ['a sentence word of the state', 'Fires burned in three counties of Washington.', [], ['washington: Washington'], 'Washington=namesake'],
    ['the capital', 'Talks in Washington ended without a deal.', ['washington: Washington'], ['washington: Washington'], 'Washington=form'],
  ],
  'language-region': [
    ['a language and its region', 'English (US)', [], ['united-states: US'], 'US=language-region'],
    ['a locale tag', 'Choose your language: en-US', [], ['united-states: US'], 'US=language-region'],
    ['an edition and its language', 'United States (English)', [], ['united-states: United States'], 'United States=language-region'],
    ['a country in brackets after a noun', 'Its maker (US) and its buyer agreed.', ['united-states: US'], ['united-states: US'], 'US=form'],
  ],
  'word-in-capitals': [
    ['a contact link', 'CONTACT US', [], ['united-states: US'], 'US=word-in-capitals'],
    ['after the article', 'THE US\nIn depth', ['united-states: US'], ['united-states: US'], 'US=form'],
  ],
  'web-address': [
    ['a government address', 'Forms are on USA.gov and nowhere else.', [], ['united-states: USA'], 'USA=web-address'],
    ['a domain after a country', 'Pakistan.gov', [], ['pakistan: Pakistan'], 'Pakistan=web-address'],
    ['the end of a sentence', 'He flew to Pakistan. Then home.', ['pakistan: Pakistan'], ['pakistan: Pakistan'], 'Pakistan=form'],
  ],
  'generation-suffix': [
    ['an heir', 'Donald Trump Jr. posted a video.', [], ['donald-trump: Donald Trump'], 'Donald Trump=generation-suffix'],
    ['an heir with a comma', 'Donald Trump, Jr. spoke.', [], ['donald-trump: Donald Trump'], 'Donald Trump=generation-suffix'],
    [
      'the father after the heir',
      'Donald Trump Jr. posted. Trump replied.',
      ['donald-trump: Trump'],
      ['donald-trump: Donald Trump', 'donald-trump: Trump'],
      'Trump=form',
    ],
  ],
  'shouting-run': [
    [
      'a short form in a headline in capitals',
      'TRUMP PRAISES ISLAMABAD ROLE',
      ['islamabad: ISLAMABAD'],
      ['donald-trump: TRUMP', 'islamabad: ISLAMABAD'],
      'TRUMP=shouting-run',
    ],
    ['an acronym in one', 'US SANCTIONS HIT IRAN TRADE', ['iran: IRAN'], ['united-states: US', 'iran: IRAN'], 'US=shouting-run'],
    [
      'two capitals are no run',
      'BLA CLAIMS attack in Quetta.',
      ['balochistan-liberation-army: BLA'],
      ['balochistan-liberation-army: BLA'],
      'BLA=form',
    ],
  ],
  'possessive-before': [
    [
      'another country’s office',
      'Pakistan protested. Britain’s Foreign Office declined to comment.',
      ['pakistan: Pakistan'],
      ['pakistan: Pakistan', 'pakistan-foreign-office: Foreign Office'],
      'Foreign Office=possessive-before',
    ],
    [
      'the office alone',
      'Pakistan protested. The Foreign Office declined to comment.',
      ['pakistan: Pakistan', 'pakistan-foreign-office: Foreign Office'],
      ['pakistan: Pakistan', 'pakistan-foreign-office: Foreign Office'],
      'Foreign Office=licence',
    ],
  ],
  currency: [
    ['a dollar sign after', 'Trade could reach US$10 billion.', [], ['united-states: US'], 'US=currency'],
    ['an amount before', '$25,000 U.S.', [], ['united-states: U.S.'], 'U.S=currency'],
    ['the country', 'The US said the deal was near.', ['united-states: US'], ['united-states: US'], 'US=form'],
  ],
  'given-name-before-full': [
    ['a son’s name', 'Hamza Shehbaz Sharif listened.', [], ['shehbaz-sharif: Shehbaz Sharif'], 'Shehbaz Sharif=given-name-before-full'],
    [
      'a variant inside a longer name',
      'His son Hamza Shahbaz Sharif is a politician too.',
      [],
      ['shehbaz-sharif: Shahbaz Sharif'],
      'Shahbaz Sharif=given-name-before-full',
    ],
    [
      'a title before the name',
      'PM Shehbaz Sharif listened.',
      ['shehbaz-sharif: Shehbaz Sharif'],
      ['shehbaz-sharif: Shehbaz Sharif'],
      'PM Shehbaz Sharif=form',
    ],
  ],
  'name-particle-after': [
    [
      'an Urdu name',
      'Fatemeh Aman spoke. Aman ki Asha, the peace campaign, was revived.',
      ['fatemeh-aman: Fatemeh Aman'],
      ['fatemeh-aman: Fatemeh Aman', 'fatemeh-aman: Aman'],
      'Aman=name-particle-after',
    ],
    [
      'an Arabic name',
      'Ishaq Dar arrived. Dar al-Haq replied.',
      ['ishaq-dar: Ishaq Dar'],
      ['ishaq-dar: Ishaq Dar', 'ishaq-dar: Dar'],
      'Dar=name-particle-after',
    ],
  ],
  'another-given-name': [
    [
      'a brother',
      'Shehbaz Sharif spoke. His brother Nawaz Sharif stayed in London.',
      ['shehbaz-sharif: Shehbaz Sharif'],
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Nawaz Sharif'],
      'Sharif=another-given-name',
    ],
    ['a daughter', 'Ivanka Trump attended the dinner.', [], ['donald-trump: Ivanka Trump'], 'Trump=another-given-name'],
    [
      'a weekday',
      'Ishaq Dar flew in. On Tuesday Dar met the envoy.',
      ['ishaq-dar: Ishaq Dar', 'ishaq-dar: Dar'],
      ['ishaq-dar: Ishaq Dar', 'ishaq-dar: Dar'],
      'Dar=licence',
    ],
  ],
  'two-given-names': [
    [
      'a near-miss after another given name',
      'Reza Masood Pezeshkian spoke.',
      [],
      ['masoud-pezeshkian: Masood Pezeshkian'],
      'Pezeshkian=two-given-names',
    ],
    [
      'the near-miss alone',
      'Masood Pezeshkian spoke.',
      ['masoud-pezeshkian: Masood Pezeshkian'],
      ['masoud-pezeshkian: Masood Pezeshkian'],
      'Pezeshkian=variant-needs-no-licence',
    ],
  ],
  'given-name-variant': [
    [
      'a near-miss of the given name',
      'Masood Pezeshkian spoke.',
      ['masoud-pezeshkian: Masood Pezeshkian'],
      ['masoud-pezeshkian: Pezeshkian'],
      'Pezeshkian=variant-needs-no-licence',
    ],
    [
      'two edits off',
      'Massod Pezeshkian spoke.',
      ['masoud-pezeshkian: Massod Pezeshkian'],
      ['masoud-pezeshkian: Pezeshkian'],
      'Pezeshkian=variant-needs-no-licence',
    ],
  ],
  'name-after': [
    [
      'another person’s surname',
      'Shehbaz Sharif spoke. Shehbaz Gill replied.',
      ['shehbaz-sharif: Shehbaz Sharif'],
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Shehbaz'],
      'Shehbaz=name-after',
    ],
    ['a newspaper', 'Teheran Times reported it.', [], ['tehran: Teheran'], 'Teheran=name-after'],
    ['an airport', 'Teheran Airport closed.', [], ['tehran: Teheran'], 'Teheran=name-after'],
  ],
  'variant-needs-no-licence': [
    ['a near-miss of the full name, first on the page', 'Fatemah Aman spoke.', ['fatemeh-aman: Fatemah Aman'], [], 'Aman=variant-needs-no-licence'],
    ['which licenses what follows', 'Fatemah Aman spoke. Aman agreed.', ['fatemeh-aman: Fatemah Aman', 'fatemeh-aman: Aman'], [], 'Aman=licence'],
  ],
  'owned-elsewhere': [
    [
      'a surname another person took',
      'Shehbaz Sharif spoke. Nawaz Sharif replied. Sharif then left.',
      ['shehbaz-sharif: Shehbaz Sharif'],
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Sharif'],
      'Sharif=owned-elsewhere',
    ],
    [
      'until the person is named again',
      'Nawaz Sharif spoke. Shehbaz Sharif replied. Sharif then left.',
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Sharif'],
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Sharif'],
      'Sharif=licence',
    ],
  ],
  licence: [
    ['a short form first on the page', 'Aman said so.', [], ['fatemeh-aman: Aman'], 'Aman=licence'],
    [
      'the same after the full name',
      'Fatemeh Aman agreed, and Aman added more.',
      ['fatemeh-aman: Fatemeh Aman', 'fatemeh-aman: Aman'],
      ['fatemeh-aman: Fatemeh Aman', 'fatemeh-aman: Aman'],
      'Aman=licence',
    ],
    [
      'the office before the country',
      'The Foreign Office said so. Pakistan agreed.',
      ['pakistan: Pakistan'],
      ['pakistan-foreign-office: Foreign Office', 'pakistan: Pakistan'],
      'Foreign Office=licence',
    ],
  ],
};

it('every rule in the table has a table of its own here', () => {
  expect(RULES.map((rule) => rule.id).sort()).toEqual(Object.keys(TABLES).sort());
});

describe.each(Object.entries(TABLES))('the rule %s', (id, rows) => {
  const without = createMatcher(
    index,
    RULES.filter((rule) => rule.id !== id),
  );

  it.each(rows)('%s', (_what, text, expected, expectedWithout, decision) => {
    expect(marks(full, text)).toEqual(expected);
    expect(marks(without, text)).toEqual(expectedWithout);
    expect(decided(text)).toContain(decision);
  });

  it('changes what a reader sees when it is left out', () => {
    expect(rows.some(([, text]) => marks(without, text).join() !== marks(full, text).join())).toBe(true);
  });
});

describe('what no rule decides', () => {
  it.each<[string, string, string[]]>([
    ['a full name is marked by its form', 'Shehbaz Sharif spoke.', ['Shehbaz Sharif=form']],
    ['a longer name Gloss does not know takes its words', 'She flew Iran Air to Tehran.', ['Iran Air=other-name', 'Tehran=form']],
  ])('%s', (_what, text, expected) => expect(decided(text)).toEqual(expected));
});
