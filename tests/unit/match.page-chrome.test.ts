import { describe, expect, it } from 'vitest';
import { compileIndex } from '@/knowledge/compile';
import { createMatcher } from '@/core/match';
import { loadKnowledge } from '@/knowledge/load';

/**
 * Wrong marks that only real pages make: language pickers, menus in capitals, web addresses, prices, lists of US
 * states. Each class with the near misses that must still be marked.
 */
const knowledge = loadKnowledge();
const matcher = createMatcher(compileIndex(knowledge));
const marks = (text: string) => matcher.match(text).map((m) => `${m.entity}: ${m.text}`);

type Row = [string, string, string[]];

describe('a country inside a language tag is a region, not a mention', () => {
  it.each<Row>([
    ['a locale tag', 'Choose your language: en-US', []],
    ['a locale tag with an underscore', 'lang=en_US&theme=dark', []],
    ['another language', 'Idioma: es-US', []],
    ['a tag in capitals with an underscore', 'EN_US settings', []],
    ['a tag in capitals, alone', 'Language\nEN-US\nFR-FR', []],
    ['a tag in capitals in a picker', 'EN-US | DE-DE', []],
    ['a language with its region', 'English (US) · Español (US)', []],
    ['a language with the country named', 'English (United States)', []],
    ['a language of another country', 'Urdu (Pakistan) and English (India)', []],
    ['a dotted acronym in brackets', 'English (U.S.)', []],
    ['an edition and its language', 'United States (English)\nPakistan (Urdu)', []],
    [
      'a country and its capital in brackets',
      'United States (Washington) and Iran (Tehran)',
      ['united-states: United States', 'washington: Washington', 'iran: Iran', 'tehran: Tehran'],
    ],
    ['a country pair', 'US-Pakistan ties are warming.', ['united-states: US', 'pakistan: Pakistan']],
    ['the short prefix before the US', 'Pak-US ties are warming.', ['pakistan: Pak', 'united-states: US']],
    ['the short prefix in capitals', 'The PAK-US dialogue resumed.', ['pakistan: PAK', 'united-states: US']],
    ['two capitalised codes in prose', 'UK-US trade grew last year.', ['united-states: US']],
    ['a country in brackets after a name', 'Its maker (US) and its buyer (Pakistan) agreed.', ['united-states: US', 'pakistan: Pakistan']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('"US" after another word in capitals is the pronoun', () => {
  it.each<Row>([
    ['a contact link', 'Press room\nCONTACT US\nCareers', []],
    ['a follow link', 'FOLLOW US', []],
    ['an about link', 'ABOUT US', []],
    ['a join link', 'JOIN US', []],
    ['an email link', 'EMAIL US today', []],
    ['a footer of links', 'ABOUT US\nCONTACT US\nWORK WITH US\nPRIVACY', []],
    ['after the article', 'THE US\nIn depth', ['united-states: US']],
    ['first in a short line', 'US ECONOMY', ['united-states: US']],
    ['a dateline', 'US: Talks resumed on Monday.', ['united-states: US']],
    ['after a lower-case word', 'Sanctions hit US exporters.', ['united-states: US']],
    ['after a capitalised word', 'Investors in Asia and US markets waited.', ['united-states: US']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('a name inside a web address or a price is not a mention', () => {
  it.each<Row>([
    ['a government address', 'Forms are on USA.gov and nowhere else.', []],
    ['a news address', 'Read more on India.com tonight.', []],
    ['an amount in the currency', 'The painting sold for $25,000 U.S. at auction.', []],
    ['an amount before the acronym', 'about $38,000 US in cash', []],
    ['a sentence that ends on the name', 'It happened in the USA. The next day was calm.', ['united-states: USA']],
    ['a count of companies', 'The 10 U.S. firms with the most cash abroad', ['united-states: U.S.']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('Washington the state, shown by the states around it or its vocabulary', () => {
  it.each<Row>([
    ['a list of states', 'Voters in Washington, Oregon and Idaho went to the polls.', []],
    ['a menu of states', 'Texas\nUtah\nWashington\nWyoming', []],
    ['states of two words', 'Washington, New Mexico and New York sued.', []],
    ['a menu of states and their cities', 'VIRGINIA - Richmond\nWASHINGTON - Spokane\nWEST VIRGINIA - Charleston', []],
    ['the state by its long name', 'The state of Washington sued the company.', []],
    ['an apposition', 'In Washington, a state that votes by mail, turnout rose.', []],
    ['counties in the sentence', 'Washington reported new fires in 12 of the state’s 39 counties.', []],
    ['a statewide rule', 'Washington banned the bags statewide in 2021.', []],
    ['the capital beside one state', 'Flights from New York to Washington were delayed.', ['washington: Washington']],
    ['states earlier in the sentence', 'Governors of Texas and Florida flew to Washington on Monday.', ['washington: Washington']],
    ['states in a Title Case headline', 'Storms Hit Texas, Florida As Washington Weighs Aid', ['washington: Washington']],
    ['a list of capitals', 'London, Paris and Washington agreed on the text.', ['washington: Washington']],
    ['the capital in a menu of states', 'VIRGINIA\nWASHINGTON, DC\nWEST VIRGINIA', ['washington: WASHINGTON, DC']],
    ['a state visit', 'The prime minister made a state visit to Washington.', ['washington: Washington']],
    ['heads of state', 'Heads of state gathered in Washington on Monday.', ['washington: Washington']],
    ['the secretary of state', 'The secretary of state returned to Washington.', ['washington: Washington']],
    ['counties in the sentence before', 'Fires burned in six counties. Washington sent no aid.', ['washington: Washington']],
    ['counties in the sentence after', 'Washington sent no aid. Fires burned in six counties.', ['washington: Washington']],
    ['the capital and one state', 'Offices in Washington and New York reopened.', ['washington: Washington']],
    ['states before other words', 'Texas and Florida officials toured Washington.', ['washington: Washington']],
    ['states that end the sentence before', 'The storm crossed Texas and Louisiana. Washington pledged aid.', ['washington: Washington']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));

  it('serves any name a set shares: Georgia the country, not the state', () => {
    const georgia = {
      ...knowledge.entities.find((e) => e.id === 'israel')!,
      id: 'georgia',
      name: 'Georgia',
      aliases: [{ text: 'Georgia', form: 'name' as const, namesakes: 'us-states' }],
    };
    const withGeorgia = createMatcher(compileIndex({ ...knowledge, entities: [...knowledge.entities, georgia] }));
    const georgiaMarks = (text: string) =>
      withGeorgia
        .match(text)
        .filter((m) => m.entity === 'georgia')
        .map((m) => m.text);
    expect(georgiaMarks('Georgia and Armenia signed a transit deal.')).toEqual(['Georgia']);
    expect(georgiaMarks('Storms hit Georgia, Alabama and Florida.')).toEqual([]);
    expect(georgiaMarks('Georgia counted ballots in all of its counties.')).toEqual([]);
  });
});

describe('a place name that is also a surname', () => {
  it.each<Row>([
    ['after a given name', 'Coach Maria Teheran praised the team.', []],
    ['the old spelling of the capital', 'Flights to Teheran resumed.', ['tehran: Teheran']],
    ['at the start of a sentence', 'Teheran rejected the claim.', ['tehran: Teheran']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});
