/**
 * Every number that decides what the matcher takes for a name, in one place: the compiler reads the ones it
 * shares with the matcher, so the two sides of a comparison cannot drift apart. Separate constants rather than
 * one object, so that the bundler inlines them and the content script carries no property names.
 */

/** A bare surname this long is looked up by its near-miss spellings ("Pezeshkyan"); shorter ones collide with other words. */
export const FUZZY_SURNAME_LENGTH = 8;
/** A near-miss is one edit away from the surname, or two from this length on. */
export const FUZZY_TWO_EDITS_FROM = 10;

/** Words of a full name before its last this long are given names, which a near-miss of may stand before a surname. */
export const GIVEN_NAME_LENGTH = 4;
/** How many edits a written given name may be from the known one ("Masood" for "Masoud"). */
export const GIVEN_NAME_EDITS = 2;

/** How far, in characters, around a name to look when deciding whether its line is a Title Case headline. */
export const TITLE_CASE_WINDOW = 200;
/** Only words of at least this many letters count towards Title Case: "of", "in", "the" are lower case in headlines. */
export const TITLE_CASE_WORD_LETTERS = 4;
/** A line is Title Case with at least this many such words, */
export const TITLE_CASE_MIN_WORDS = 3;
/** of which at least this share is capitalised. */
export const TITLE_CASE_SHARE = 0.8;

/** This many ALL-CAPS words in a row make a shouting headline, where a short form or acronym is no evidence. */
export const SHOUTING_RUN_WORDS = 3;

/** How far, in characters, before a generic short form to look for another name's possessive ("Britain’s Foreign Office"). */
export const POSSESSIVE_REACH = 40;

/** How far, in words, a list of a namesake set's names may stand from the shared name. */
export const NAMESAKE_LIST_REACH = 8;
/** How far, in words, one of a namesake set's sentence words may stand from the shared name. */
export const NAMESAKE_SENTENCE_REACH = 40;
