/**
 * What each matching rule means to a reader, for `annotate --why`: the rule table itself carries only ids, so the
 * content script ships none of these sentences. Typed by the table's ids, so a new rule cannot go unexplained.
 */
import type { RuleId } from './match-rules';

export const RULE_WHY: Record<RuleId | 'form' | 'other-name', string> = {
  'compound-only': 'refuses a prefix that names the entity only joined to another name ("Pak-Iran", not "Pak")',
  namesake: 'refuses a shared name where the page shows it as its namesake (Washington the state: "Washington State", a list of states)',
  'language-region': 'refuses a country that is the region of a language label or locale tag ("English (US)", "en-US")',
  'word-in-capitals': 'refuses an acronym that is a word after another word in capitals ("CONTACT US")',
  'web-address': 'refuses a name followed by a top-level domain ("USA.gov")',
  'generation-suffix': 'refuses a full name followed by a generation suffix, which names a relative ("Donald Trump Jr.")',
  'shouting-run': 'refuses a short form or acronym inside a headline in capitals, where every word is capitalised',
  'possessive-before': 'refuses a generic short form after another name’s possessive ("Britain’s Foreign Office")',
  currency: 'refuses an acronym beside an amount, where it names a currency ("US$10 billion")',
  'given-name-before-full': 'refuses a full name right after another given name, which makes it someone else’s ("Hamza Shehbaz Sharif")',
  'name-particle-after': 'refuses a name continued by a lower-case particle into a longer one ("Dar es Salaam")',
  'another-given-name': 'refuses a short form after a capitalised word that is another person’s given name ("Nawaz Sharif")',
  'two-given-names': 'refuses a near-miss of the given name that itself follows another given name',
  'given-name-variant': 'widens a surname to the near-miss of the person’s given name before it ("Masood Pezeshkian")',
  'name-after': 'refuses a short form followed by a capitalised word that continues another name ("Shehbaz Gill")',
  'variant-needs-no-licence': 'accepts a near-miss of the full name, which names the person by itself',
  'owned-elsewhere': 'refuses a shared short form that a neighbour showed naming someone else, until the entity is named again',
  licence: 'accepts a short form after an earlier mention on the page licensed it, and refuses it before one',
  form: 'accepts what no rule refused: the form names the entity by itself',
  'other-name': 'refuses the words of a longer name Gloss does not know, which contains a known form ("Iran Air", "Trump Tower")',
};
