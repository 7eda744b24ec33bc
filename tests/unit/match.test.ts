import { describe, expect, it } from 'vitest';
import { createContext, createMatcher } from '@/core/match';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';

const matcher = createMatcher(buildBundle(loadKnowledge()).index);

/** The marks a reader would see, as "entity: text". */
const marks = (text: string) => matcher.match(text).map((m) => `${m.entity}: ${m.text}`);

type Row = [string, string, string[]];

describe('full names, variants and titles', () => {
  it.each<Row>([
    ['a full name', 'Masoud Pezeshkian landed in Lahore.', ['masoud-pezeshkian: Masoud Pezeshkian']],
    ['a listed misspelling', 'Mahmoud Pezeshkian was greeted at the airport.', ['masoud-pezeshkian: Mahmoud Pezeshkian']],
    ['another listed spelling', 'The visit by Massoud Pezeshkian ended on Sunday.', ['masoud-pezeshkian: Massoud Pezeshkian']],
    ['a transliteration', 'Pezeshkiyan called the talks productive.', ['masoud-pezeshkian: Pezeshkiyan']],
    ['a near miss of a long surname', 'Officials said Pezeshkyan would return next month.', ['masoud-pezeshkian: Pezeshkyan']],
    ['a near miss of the given name', 'Masood Pezeshkian met traders in Quetta.', ['masoud-pezeshkian: Masood Pezeshkian']],
    ['a title: the mark is the name', 'Iranian President Masoud Pezeshkian spoke first.', ['masoud-pezeshkian: Masoud Pezeshkian']],
    ['an honorific', 'Dr. Masoud Pezeshkian is a heart surgeon by training.', ['masoud-pezeshkian: Masoud Pezeshkian']],
    ['a title form of a short name', 'PM Shehbaz chaired the cabinet meeting.', ['shehbaz-sharif: Shehbaz']],
    ['a spelled-out title', 'Prime Minister Sharif left for Tehran.', ['shehbaz-sharif: Sharif', 'tehran: Tehran']],
    ['another title', 'Premier Shehbaz was not available.', ['shehbaz-sharif: Shehbaz']],
    ['the other spelling of Shehbaz', 'Shahbaz Sharif welcomed the guests.', ['shehbaz-sharif: Shahbaz Sharif']],
    ['a longer form of the name', 'Muhammad Shehbaz Sharif signed the agreement.', ['shehbaz-sharif: Muhammad Shehbaz Sharif']],
    ['a middle initial', 'Donald J. Trump posted about the deal.', ['donald-trump: Donald J. Trump']],
    ['a secretary by surname', 'Secretary Rubio thanked his host.', ['marco-rubio: Rubio']],
    ['a minister by surname', 'Foreign Minister Dar travelled to Washington.', ['ishaq-dar: Dar', 'washington: Washington']],
    ['a three-part name', 'Shafqat Ali Khan briefed reporters.', ['shafqat-ali-khan: Shafqat Ali Khan']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('groups, places and their spellings', () => {
  it.each<Row>([
    ['the group as written by DW', 'Jaish Al-Adl claimed the attack.', ['jaish-al-adl: Jaish Al-Adl']],
    ['hyphens for spaces', 'Jaish-al-Adl denied it.', ['jaish-al-adl: Jaish-al-Adl']],
    ['spaces for hyphens', 'Jaish al Adl fighters crossed at night.', ['jaish-al-adl: Jaish al Adl']],
    ['the ul- spelling', 'A Jaish-ul-Adl commander was killed.', ['jaish-al-adl: Jaish-ul-Adl']],
    ['the English name', 'The Army of Justice is active in the southeast.', ['jaish-al-adl: Army of Justice']],
    ['the longest name wins', 'The Balochistan Liberation Army attacked a train.', ['balochistan-liberation-army: Balochistan Liberation Army']],
    ['the group’s own name', 'The Baloch Liberation Army said it carried out the attack.', ['balochistan-liberation-army: Baloch Liberation Army']],
    ['the other spelling of Balochistan', 'Baluchistan is rich in copper.', ['balochistan: Baluchistan']],
    ['a province with two spellings', 'Sistan-Balochistan borders Pakistan.', ['sistan-and-baluchestan: Sistan-Balochistan', 'pakistan: Pakistan']],
    ['the province in full', 'Zahedan is the capital of Sistan and Baluchestan.', ['sistan-and-baluchestan: Sistan and Baluchestan']],
    ['a port with its noun', 'India has invested in Chabahar port for years.', ['india: India', 'chabahar: Chabahar port']],
    ['an old spelling of the capital', 'Teheran rejected the claim.', ['tehran: Teheran']],
    ['a university', 'She teaches at Quaid-e-Azam University.', ['quaid-i-azam-university: Quaid-e-Azam University']],
    ['the think tank', 'A report from the Middle East Institute disagreed.', ['middle-east-institute: Middle East Institute']],
    ['the broadcaster', 'Deutsche Welle asked for comment.', ['dw: Deutsche Welle']],
    ['a country in full', 'The Islamic Republic of Iran rejected the offer.', ['iran: Islamic Republic of Iran']],
    ['the US in full', 'The United States of America imposed new sanctions.', ['united-states: United States of America']],
    ['the capital with its district', 'He flew to Washington, D.C., on Monday.', ['washington: Washington, D.C.']],
    ['the capital without comma', 'Talks in Washington DC ended late.', ['washington: Washington DC']],
    ['an event', 'Pakistan backed Iran during the 12-day war.', ['pakistan: Pakistan', 'iran: Iran', 'twelve-day-war: 12-day war']],
    ['an event in title case', 'The Twelve-Day War ended in June.', ['twelve-day-war: Twelve-Day War']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('possessives and compounds', () => {
  it.each<Row>([
    ['a possessive', "Pakistan's army chief flew in.", ['pakistan: Pakistan']],
    ['a curly possessive', 'Iran’s foreign ministry said so.', ['iran: Iran']],
    ['a country pair', 'The US-Pakistan partnership is growing.', ['united-states: US', 'pakistan: Pakistan']],
    ['an en dash pair is not a name', 'The US–Pakistan partnership is growing.', ['united-states: US', 'pakistan: Pakistan']],
    ['the short prefix in a compound', 'Pak-Iran trade rose by a third.', ['pakistan: Pak', 'iran: Iran']],
    ['the short prefix alone is a word', 'Pak is not a country name on its own.', []],
    ['a named pipeline is one event', 'The Iran-Pakistan gas pipeline is frozen.', ['iran-pakistan-gas-pipeline: Iran-Pakistan gas pipeline']],
    ['without the project, the countries', 'Iran-Pakistan talks resumed.', ['iran: Iran', 'pakistan: Pakistan']],
    ['a project typeset with an en dash', 'The Iran–Pakistan gas pipeline is frozen.', ['iran-pakistan-gas-pipeline: Iran–Pakistan gas pipeline']],
    ['a spaced dash separates', 'Talks with Iran – Pakistan said – ended.', ['iran: Iran', 'pakistan: Pakistan']],
    ["the ministry's full name", "Pakistan's Foreign Ministry issued a statement.", ["pakistan-foreign-office: Pakistan's Foreign Ministry"]],
    ['a country inside an adjective', 'Washington-based analysts disagreed.', ['washington: Washington']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('case', () => {
  it.each<Row>([
    ['the pronoun "us" is never the US', 'Let us see what they decide. Join us tomorrow.', []],
    ['"Us" in a menu is not the US', 'About Us | Contact Us', []],
    ['the acronym in upper case', 'The US imposed sanctions.', ['united-states: US']],
    ['the dotted acronym with its last dot', 'The U.S. imposed sanctions.', ['united-states: U.S.']],
    ['the dotted acronym at the end of a sentence', 'Pakistan courted the U.S.', ['pakistan: Pakistan', 'united-states: U.S.']],
    ['a lower-case acronym is a word', 'The bla bla of politics; dw about it.', []],
    ['a lower-case name is a word', 'Dar is a surname; dar is not.', []],
    ['names in a shouting headline', 'IRAN AND PAKISTAN SIGN BORDER DEAL', ['iran: IRAN', 'pakistan: PAKISTAN']],
    ['acronyms in a shouting headline', 'US SANCTIONS HIT IRAN TRADE', ['iran: IRAN']],
    ['short forms in a shouting headline', 'TRUMP PRAISES ISLAMABAD ROLE', ['islamabad: ISLAMABAD']],
    ['a full name in a shouting headline', 'SHEHBAZ SHARIF MEETS IRANIAN LEADER', ['shehbaz-sharif: SHEHBAZ SHARIF']],
    ['a dateline is not a run', 'WASHINGTON: US officials met on Friday.', ['washington: WASHINGTON', 'united-states: US']],
    ['a wire dateline with agency', 'ISLAMABAD (Reuters) — The US envoy arrived.', ['islamabad: ISLAMABAD', 'united-states: US']],
    ['a currency is not the country', 'Trade could reach US$10 billion, the US said.', ['united-states: US']],
    ['two capitals do not make a run', 'BLA CLAIMS attack in Quetta.', ['balochistan-liberation-army: BLA']],
    ['a run through curly quotes', 'SHARIF PROMISES ‘NO SAFE HAVENS’', []],
    ['a run through an en dash', 'ISLAMABAD READY TO EASE IRAN–US TENSIONS', ['islamabad: ISLAMABAD', 'iran: IRAN']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('page text as browsers give it', () => {
  it.each<Row>([
    ['a non-breaking space inside a name', 'Shehbaz\u00A0Sharif spoke.', ['shehbaz-sharif: Shehbaz\u00A0Sharif']],
    ['a soft hyphen inside a name', 'Pezesh\u00ADkian spoke.', ['masoud-pezeshkian: Pezesh\u00ADkian']],
    ['a zero-width space inside a name', 'Balo\u200Bchistan is vast.', ['balochistan: Balo\u200Bchistan']],
    ['diacritics', 'Tehrān replied.', ['tehran: Tehrān']],
    ['decomposed diacritics', 'Tehra\u0304n replied.', ['tehran: Tehra\u0304n']],
    ['a line break ends a name', 'Shehbaz\nSharif', []],
    ['a comma between names is not a name', 'Masoud, Pezeshkian', ['masoud-pezeshkian: Pezeshkian']],
    ['text outside the Basic Multilingual Plane keeps offsets in UTF-16', '🇵🇰 Pakistan 🇮🇷 Iran', ['pakistan: Pakistan', 'iran: Iran']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));

  it('reports offsets that slice the page text back to the mark', () => {
    const text = '🇵🇰 Pakistan and Balo\u00ADchistan';
    for (const mention of matcher.match(text)) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(matcher.match(text).map((m) => m.start)).toEqual([5, 18]);
  });
});

describe('short forms need the page to be about the person', () => {
  it.each<Row>([
    ['a bare surname before the full name', 'Sharif met the envoy. Later, Shehbaz Sharif spoke.', ['shehbaz-sharif: Shehbaz Sharif']],
    [
      'a bare surname after the full name',
      'Shehbaz Sharif met the envoy. Later, Sharif spoke.',
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Sharif'],
    ],
    ['after a title form', 'PM Shehbaz arrived. Sharif then met traders.', ['shehbaz-sharif: Shehbaz', 'shehbaz-sharif: Sharif']],
    ['another Sharif is not him', 'Shehbaz Sharif spoke. His brother Nawaz Sharif stayed in London.', ['shehbaz-sharif: Shehbaz Sharif']],
    ['another Sharif with a middle name', 'Shehbaz Sharif spoke, and Maryam Nawaz Sharif listened.', ['shehbaz-sharif: Shehbaz Sharif']],
    [
      'a surname as the first word of an Urdu name',
      'Fatemeh Aman spoke. Aman ki Asha, the peace campaign, was revived.',
      ['fatemeh-aman: Fatemeh Aman'],
    ],
    [
      'another country’s Foreign Office after Pakistan was named',
      'Pakistan protested. Britain’s Foreign Office declined to comment, and the Foreign Office in Islamabad replied.',
      ['pakistan: Pakistan', 'pakistan-foreign-office: Foreign Office', 'islamabad: Islamabad'],
    ],
    [
      'a reporter named Sharif in a wire credit line',
      'Shehbaz Sharif spoke.\n(Reporting by Sharif Rind in Quetta and Leila Navabi in Dubai; Editing by Tom Hargreaves)',
      ['shehbaz-sharif: Shehbaz Sharif'],
    ],
    [
      'after another Sharif, a bare Sharif is ambiguous',
      'Shehbaz Sharif spoke. Nawaz Sharif replied. Sharif then left.',
      ['shehbaz-sharif: Shehbaz Sharif'],
    ],
    [
      'naming him again resolves it',
      'Nawaz Sharif spoke. Shehbaz Sharif replied. Sharif then left.',
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Sharif'],
    ],
    [
      'a bare first name after the full name',
      'Shehbaz Sharif arrived. Shehbaz said little.',
      ['shehbaz-sharif: Shehbaz Sharif', 'shehbaz-sharif: Shehbaz'],
    ],
    ['another Shehbaz', 'Shehbaz Sharif arrived with Hamza Shehbaz, his son.', ['shehbaz-sharif: Shehbaz Sharif']],
    ['a full name inside a longer name', 'Shehbaz Sharif spoke; his son Hamza Shehbaz Sharif listened.', ['shehbaz-sharif: Shehbaz Sharif']],
    ['a variant full name inside a longer name', 'His son Hamza Shahbaz Sharif is a politician too.', []],
    [
      'a title before a full name',
      'Secretary of State Marco Rubio and Deputy PM Ishaq Dar met.',
      ['marco-rubio: Marco Rubio', 'ishaq-dar: Ishaq Dar'],
    ],
    ['an abbreviated title', 'DPM Dar held talks in Tehran.', ['ishaq-dar: Dar', 'tehran: Tehran']],
    ['Aman only after Fatemeh Aman', 'Aman said so. Fatemeh Aman agreed, and Aman added more.', ['fatemeh-aman: Fatemeh Aman', 'fatemeh-aman: Aman']],
    ['Malik only after Osama Malik', 'Malik spoke. Osama Malik, a lawyer, said Malik was right.', ['osama-malik: Osama Malik', 'osama-malik: Malik']],
    ['another Malik', 'Osama Malik spoke. Rehman Malik disagreed.', ['osama-malik: Osama Malik']],
    ['a Malik who is someone else entirely', 'Osama Malik spoke. The cricketer Shoaib Malik retired.', ['osama-malik: Osama Malik']],
    [
      'Shoaib only after Muhammad Shoaib',
      'Shoaib said no. Muhammad Shoaib teaches; Shoaib said yes.',
      ['muhammad-shoaib: Muhammad Shoaib', 'muhammad-shoaib: Shoaib'],
    ],
    ['Dar only after Ishaq Dar', 'Dar spoke. Ishaq Dar arrived, and Dar spoke again.', ['ishaq-dar: Ishaq Dar', 'ishaq-dar: Dar']],
    ['Dar es Salaam is a city', 'Ishaq Dar arrived. Flights to Dar es Salaam resumed.', ['ishaq-dar: Ishaq Dar']],
    ['Dar-es-Salaam hyphenated', 'Ishaq Dar arrived. The Dar-es-Salaam port reopened.', ['ishaq-dar: Ishaq Dar']],
    [
      'a title form anchors a later surname',
      'Foreign Minister Dar met Rubio. Dar said the talks went well.',
      ['ishaq-dar: Dar', 'marco-rubio: Rubio', 'ishaq-dar: Dar'],
    ],
    ['Trump needs no anchor', 'Trump said the deal was done.', ['donald-trump: Trump']],
    ['Pezeshkian needs no anchor', 'Pezeshkian left Islamabad on Sunday.', ['masoud-pezeshkian: Pezeshkian', 'islamabad: Islamabad']],
    ['Rubio needs no anchor', 'Rubio praised the mediation.', ['marco-rubio: Rubio']],
    ['another Trump', 'Ivanka Trump attended the dinner.', []],
    ['a Trump heir', 'Donald Trump Jr. posted a video.', []],
    [
      'a sentence that starts before a short form',
      'Osama Malik disagreed. When Malik spoke, the room went quiet.',
      ['osama-malik: Osama Malik', 'osama-malik: Malik'],
    ],
    ['a weekday before a short form', 'Ishaq Dar flew in. On Tuesday Dar met the envoy.', ['ishaq-dar: Ishaq Dar', 'ishaq-dar: Dar']],
    ['a Title Case headline', 'Trump Praises Sharif After Shehbaz Sharif Visit', ['donald-trump: Trump', 'shehbaz-sharif: Shehbaz Sharif']],
    ['a modal verb before a short form', 'Ishaq Dar left. Could Dar return?', ['ishaq-dar: Ishaq Dar', 'ishaq-dar: Dar']],
    [
      'Trump after his relatives is still him',
      'Eric Trump and Donald Trump Jr. backed it. The Trump administration agreed.',
      ['donald-trump: Trump'],
    ],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe("the Foreign Office is Pakistan's only where the page is about Pakistan", () => {
  it.each<Row>([
    ['no anchor', 'The Foreign Office said the visit was useful.', []],
    [
      'after Pakistan',
      'Pakistan hosted the talks. The Foreign Office said they were useful.',
      ['pakistan: Pakistan', 'pakistan-foreign-office: Foreign Office'],
    ],
    ['the acronym after Islamabad', 'ISLAMABAD: The FO spokesperson briefed reporters.', ['islamabad: ISLAMABAD', 'pakistan-foreign-office: FO']],
    ["another country's office", 'Pakistan hosted the talks. The British Foreign Office disagreed.', ['pakistan: Pakistan']],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('Washington the capital, not the state or the people', () => {
  it.each<Row>([
    ['the capital', 'Talks in Washington ended without a deal.', ['washington: Washington']],
    ['the state', 'Fires spread across Washington State this week.', []],
    ['the state, lower case', 'Fires spread across eastern Washington state.', []],
    ['a newspaper', 'The Washington Post reported the call.', []],
    ['a president', 'George Washington crossed the Delaware.', []],
    ['an actor', 'Denzel Washington won the award.', []],
    ['the capital after a weekday', 'The envoy arrived in Washington Tuesday.', ['washington: Washington']],
    ['the capital at the start of a sentence', 'Washington and Tehran have no ties.', ['washington: Washington', 'tehran: Tehran']],
    ['the state by its long name', 'The state of Washington sued.', []],
    ['after another Washington, a bare Washington is his', 'George Washington was born in 1732. Washington later farmed.', []],
    [
      'the capital named in full reclaims the name',
      'George Washington was born in 1732. Today Washington, D.C., bears his name; Washington is busy.',
      ['washington: Washington, D.C.', 'washington: Washington'],
    ],
    [
      'a monument says nothing about later mentions',
      'The Washington Monument is tall. Washington pressed Tehran.',
      ['washington: Washington', 'tehran: Tehran'],
    ],
    ['an actor in a Title Case line', 'Trending: Denzel Washington Returns To Broadway', []],
  ])('%s', (_rule, text, expected) => expect(marks(text)).toEqual(expected));
});

describe('context across calls', () => {
  it('carries the page context from one block of text to the next, in order', () => {
    const context = createContext();
    expect(matcher.match('Fatemeh Aman is a senior fellow.', context).map((m) => m.text)).toEqual(['Fatemeh Aman']);
    expect(matcher.match('Aman said the ties are close.', context).map((m) => m.text)).toEqual(['Aman']);
  });

  it('starts each page afresh', () => {
    matcher.match('Fatemeh Aman is a senior fellow.');
    expect(matcher.match('Aman said the ties are close.')).toEqual([]);
  });
});

describe('why each mark was made', () => {
  it.each<[string, string, string]>([
    ['Shehbaz Sharif spoke.', 'Shehbaz Sharif', 'name'],
    ['Shahbaz Sharif spoke.', 'Shahbaz Sharif', 'variant'],
    ['Pezeshkyan spoke.', 'Pezeshkyan', 'variant'],
    ['PM Shehbaz spoke.', 'Shehbaz', 'title'],
    ['The BLA denied it.', 'BLA', 'acronym'],
    ['Trump spoke.', 'Trump', 'short'],
    ['Fatemeh Aman spoke. Aman agreed.', 'Aman', 'context'],
  ])('%s → %s by %s', (text, mark, via) => {
    expect(matcher.match(text).find((m) => m.text === mark)?.via).toBe(via);
  });
});
