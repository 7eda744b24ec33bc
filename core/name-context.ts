/**
 * Words that can stand capitalised right beside a bare name without being
 * part of another person's name. "Nawaz Sharif" and "Rehman Malik" are other
 * people; "When Sharif", "PM Sharif", "Tuesday Sharif" are not.
 */
const WORDS = `
a about after against also although an and as at because before but by despite did do does during for from had has
have he her here his how however if in into is it its meanwhile nor not now of on once only or our over she since so
still than that the their then there these they this those though through thus to under unless until upon was we were
what when where whether which while who whom whose why will with would yet you
are be been being can could may might must shall should both each either neither every some many most much few
several all any another other such even just only like unlike among amongst between without within across around
toward towards amid amidst via per instead indeed ahead later earlier soon first last next new old top senior
elsewhere overall still already again also especially including
meet meets met says said told tells asks asked urges urged visits visited calls called holds held
mr mrs ms dr sir madam prof professor president pm premier prime minister ministers secretary spokesperson spokesman
spokeswoman foreign deputy chief general gen lt col maj capt sen senator rep gov governor ambassador envoy leader
analyst expert lawyer adviser advisor interior defence defense finance state federal former acting then-pm then-prime
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
january february march april may june july august september october november december
`;

export const NOT_A_NAME: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/**
 * Lower-case particles that continue a name past the word before them ("Dar es Salaam", "Malik al-Haq"), Urdu's
 * genitive ones included ("Aman ki Asha", a peace campaign).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'es',
  'el',
  'al',
  'ul',
  'bin',
  'ibn',
  'de',
  'da',
  'del',
  'di',
  'du',
  'van',
  'von',
  'le',
  'la',
  'ki',
  'ka',
  'ke',
]);

/** Suffixes that make a full name someone else's ("Donald Trump Jr."). */
export const GENERATION_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii']);

/** Languages as locale pickers name them ("English (US)"), folded: a country in brackets after one is a region tag. */
export const LANGUAGES: ReadonlySet<string> = new Set(
  `english spanish espanol french francais german deutsch portuguese portugues italian italiano dutch nederlands
  chinese japanese korean arabic russian hindi urdu persian farsi turkish turkce polish polski swedish svenska
  norwegian norsk danish dansk finnish suomi greek hebrew bengali punjabi tamil indonesian malay vietnamese thai`.split(/\s+/),
);
