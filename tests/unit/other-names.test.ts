import { describe, expect, it } from 'vitest';
import { compileIndex } from '@/knowledge/compile';
import { createMatcher } from '@/core/match';
import { loadKnowledge } from '@/knowledge/load';

const knowledge = loadKnowledge();
const marksWith = (otherNames: typeof knowledge.otherNames) => {
  const matcher = createMatcher(compileIndex({ ...knowledge, otherNames }));
  return (text: string) => matcher.match(text).map((m) => `${m.entity}: ${m.text}`);
};
const marks = marksWith(knowledge.otherNames);

/**
 * Each other name in a sentence where, without it, its surface form would be marked; the same form standing alone
 * in the sentence is still marked. Washington's neighbours already refuse it in prose, so its names are tried in
 * Title Case headlines, where neighbours don't count.
 */
const ROWS: [name: string, text: string, expected: string[]][] = [
  ['Dar es Salaam', 'Ishaq Dar landed. Flights to Dar es Salaam resumed, and Dar spoke to reporters.', ['ishaq-dar: Ishaq Dar', 'ishaq-dar: Dar']],
  ['India Today', 'An India Today poll found that India trusts its courts.', ['india: India']],
  ['Iran Air', 'An Iran Air flight landed as Iran reopened its airspace.', ['iran: Iran']],
  ['Iran International', 'Iran International aired the speech that Iran tried to block.', ['iran: Iran']],
  ['Islamabad United', 'Islamabad United won the final, played in Islamabad.', ['islamabad: Islamabad']],
  ['Pakistan Muslim League', 'The Pakistan Muslim League-Nawaz said Pakistan would vote in May.', ['pakistan: Pakistan']],
  ['Pakistan Peoples Party', 'The Pakistan Peoples Party said Pakistan needs cheaper gas.', ['pakistan: Pakistan']],
  ["Pakistan People's Party", 'Leaders of the Pakistan People’s Party toured Pakistan by train.', ['pakistan: Pakistan']],
  ['Pakistan Stock Exchange', 'Shares on the Pakistan Stock Exchange rose as Pakistan cut rates.', ['pakistan: Pakistan']],
  ['Pakistan Super League', 'The Pakistan Super League returns to Pakistan in spring.', ['pakistan: Pakistan']],
  ['Pakistan Tehreek-e-Insaf', 'Pakistan Tehreek-e-Insaf workers rallied across Pakistan.', ['pakistan: Pakistan']],
  ['Pakistan Tehreek-i-Insaf', 'A Pakistan Tehreek-i-Insaf senator left Pakistan on Friday.', ['pakistan: Pakistan']],
  ['Pakistan Tehrik-e-Insaf', 'The Pakistan Tehrik-e-Insaf leadership met in Pakistan.', ['pakistan: Pakistan']],
  ['Pakistan Tehrik-i-Insaf', 'Pakistan Tehrik-i-Insaf candidates ran all over Pakistan.', ['pakistan: Pakistan']],
  ['Tehran Times', 'The Tehran Times wrote that Tehran would respond.', ['tehran: Tehran']],
  ['Trump Foundation', 'Trump Foundation Closes After Trump Signs Agreement', ['donald-trump: Trump']],
  ['Trump Organization', 'Trump Organization Lawyers Argue That Trump Knew Nothing', ['donald-trump: Trump']],
  ['Trump Tower', 'Trump Tower Lobby Reopens As Trump Returns', ['donald-trump: Trump']],
  ['Trump University', 'Trump University Students Sue While Trump Campaigns', ['donald-trump: Trump']],
  ['US Open', 'She won the US Open a year before the US team lost the final.', ['united-states: US']],
  ['U.S. Open', 'Tickets for the U.S. Open sold out, a U.S. sports body said.', ['united-states: U.S.']],
  ['US Weekly', 'A US Weekly cover story ran as the US economy slowed.', ['united-states: US']],
  ['USA Today', 'A USA Today survey asked voters across the USA about trade.', ['united-states: USA']],
  ['U.S. News & World Report', 'U.S. News & World Report ranks colleges across the U.S. every year.', ['united-states: U.S.']],
  ['Washington Capitals', 'Washington Capitals Beat Boston As Washington Celebrates', ['washington: Washington']],
  ['Washington Commanders', 'Washington Commanders Sign Quarterback Before Washington Summit', ['washington: Washington']],
  ['Washington County', 'Washington County Sheriff Flies To Washington For Talks', ['washington: Washington']],
  ['Washington Examiner', 'Washington Examiner Reporters Travel With Envoys To Washington', ['washington: Washington']],
  ['Washington Football Team', 'Washington Football Team Owner Meets Lawmakers In Washington', ['washington: Washington']],
  ['Washington Huskies', 'Washington Huskies Stun Rivals While Washington Sleeps', ['washington: Washington']],
  ['Washington Monument', 'Washington Monument Reopens To Visitors In Washington', ['washington: Washington']],
  ['Washington Mystics', 'Washington Mystics Clinch Title As Washington Cheers', ['washington: Washington']],
  ['Washington Nationals', 'Washington Nationals Trade Pitcher Hours After Washington Rally', ['washington: Washington']],
  ['Washington Post', 'Washington Post Editors Meet Senators In Washington', ['washington: Washington']],
  ['Washington Redskins', 'Washington Redskins Fans Rally In Washington', ['washington: Washington']],
  ['Washington state', 'Fires spread across eastern Washington state, officials in Washington said.', ['washington: Washington']],
  ['Washington Times', 'Washington Times Columnist Says Washington Must Act', ['washington: Washington']],
  ['Washington University', 'Washington University Scientists Brief Officials In Washington', ['washington: Washington']],
  ['Washington Wizards', 'Washington Wizards Draft Guard While Washington Watches', ['washington: Washington']],
];

describe('other names: longer names that are something else mark nothing', () => {
  it.each(ROWS)('%s: %s', (_name, text, expected) => expect(marks(text)).toEqual(expected));

  it.each(ROWS)('%s is what keeps its sentence from a wrong mark', (name, text, expected) => {
    const without = marksWith(knowledge.otherNames.filter((other) => other.text !== name));
    expect(without(text)).not.toEqual(expected);
  });

  it('has a sentence for every other name in the knowledge', () => {
    expect(knowledge.otherNames.map((other) => other.text).sort()).toEqual(ROWS.map(([name]) => name).sort());
  });

  it('covers either case of a word written in lower case ("Washington State")', () => {
    expect(marks('Wildfires Reach Washington State As Washington Sends Aid')).toEqual(['washington: Washington']);
  });

  it('keeps the case its words are written in: a lower-case "post" is no newspaper', () => {
    expect(marks('The envoy took up her Washington post in May.')).toEqual(['washington: Washington']);
  });
});
