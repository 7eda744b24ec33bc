import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  isCorrected,
  isShown,
  parseSettings,
  scopeOn,
  withCorrection,
  withoutCorrection,
  withScope,
} from '@/core/settings';

describe('stored settings', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2]],
  ])('fall back to the defaults for %s', (_what, raw) => {
    expect(parseSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('say what was wrong, and keep every valid field', () => {
    const { settings, problems } = parseSettings({
      version: 1,
      enabled: 'yes',
      sitesOff: ['example.org', 7],
      topicsOff: ['trade-sanctions'],
      kindsOff: ['place'],
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, topicsOff: ['trade-sanctions'], kindsOff: ['place'] });
    expect(problems).toEqual(['enabled is not a boolean', 'sitesOff is not a list of strings']);
  });

  it('reject kinds Gloss does not have', () => {
    expect(parseSettings({ version: 1, kindsOff: ['planet'] }).settings.kindsOff).toEqual([]);
  });

  it('read a version 1 value as it was, with the fields version 2 added at their defaults', () => {
    const { settings, problems } = parseSettings({ version: 1, enabled: true, sitesOff: ['news.example'], topicsOff: [], kindsOff: ['event'] });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sitesOff: ['news.example'], kindsOff: ['event'] });
    expect(problems).toEqual([]);
  });

  it('keep the valid corrections and drop the rest, saying so', () => {
    const sharif = { site: 'news.example', text: 'Sharif', entity: 'shehbaz-sharif' };
    const { settings, problems } = parseSettings({
      version: 2,
      hidden: [sharif, { site: 'news.example', text: 7 }, 'Sharif', { ...sharif, text: 'SHARIF' }],
      announce: 'no',
    });
    expect(settings.hidden).toEqual([sharif]);
    expect(settings.announce).toBe(true);
    expect(problems).toEqual([
      'announce is not a boolean',
      'hidden holds {"site":"news.example","text":7}, not a correction',
      'hidden holds "Sharif", not a correction',
    ]);
  });

  it('read a version 2 value as it was, marking the reading text everywhere', () => {
    const { settings, problems } = parseSettings({ version: 2, sitesOff: ['news.example'], hidden: [], announce: false });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sitesOff: ['news.example'], announce: false });
    expect(scopeOn(settings, 'news.example')).toBe('article');
    expect(problems).toEqual([]);
  });

  it('drop a whole-page choice that is not a list of hostnames, saying so', () => {
    const { settings, problems } = parseSettings({ version: 3, wholePage: 'news.example' });
    expect(settings.wholePage).toEqual([]);
    expect(problems).toEqual(['wholePage is not a list of strings']);
  });

  it('flag an unknown version', () => {
    expect(parseSettings({ version: 99, enabled: false }).problems).toContain('unknown version 99');
  });
});

describe('what Gloss marks on a site', () => {
  it('is the reading text unless the reader chose the whole page there', () => {
    const chosen = withScope(DEFAULT_SETTINGS, 'news.example', 'page');
    expect(scopeOn(chosen, 'news.example')).toBe('page');
    expect(scopeOn(chosen, 'other.example')).toBe('article');
    expect(scopeOn(withScope(chosen, 'news.example', 'article'), 'news.example')).toBe('article');
    expect(withScope(chosen, 'news.example', 'page').wholePage).toEqual(['news.example']);
  });
});

describe('what the settings show', () => {
  const iran = { kind: 'country' as const, topics: ['nuclear-programme', 'trade-sanctions'] };

  it('shows an entity while one of its topics is on', () => {
    expect(isShown({ ...DEFAULT_SETTINGS, topicsOff: ['nuclear-programme'] }, iran)).toBe(true);
    expect(isShown({ ...DEFAULT_SETTINGS, topicsOff: ['nuclear-programme', 'trade-sanctions'] }, iran)).toBe(false);
  });

  it('hides an entity whose kind is off', () => {
    expect(isShown({ ...DEFAULT_SETTINGS, kindsOff: ['country'] }, iran)).toBe(false);
  });

  it('runs everywhere but on sites switched off, unless switched off everywhere', () => {
    expect(isActiveOn(DEFAULT_SETTINGS, 'news.example')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, sitesOff: ['news.example'] }, 'news.example')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, sitesOff: ['news.example'] }, 'other.example')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'other.example')).toBe(false);
  });
});

describe('corrections ("Not this")', () => {
  const sharif = { site: 'news.example', text: 'Sharif', entity: 'shehbaz-sharif' };
  const corrected = withCorrection(DEFAULT_SETTINGS, sharif);

  it.each([
    ['the same words on the same site', { text: 'Sharif', entity: 'shehbaz-sharif' }, 'news.example', true],
    ['the words in capitals', { text: 'SHARIF', entity: 'shehbaz-sharif' }, 'news.example', true],
    ['another site', { text: 'Sharif', entity: 'shehbaz-sharif' }, 'other.example', false],
    ['other words for the same person', { text: 'Shehbaz Sharif', entity: 'shehbaz-sharif' }, 'news.example', false],
    ['the same words for someone else', { text: 'Sharif', entity: 'nawaz-sharif' }, 'news.example', false],
  ])('hide %s: %s', (_what, mark, site, hidden) => {
    expect(isCorrected(corrected, site, mark)).toBe(hidden);
  });

  it('are kept once, with the words tidied, and undone one at a time', () => {
    const twice = withCorrection(withCorrection(corrected, { ...sharif, text: ' sharif ' }), { ...sharif, site: 'other.example' });
    expect(twice.hidden).toEqual([sharif, { ...sharif, site: 'other.example' }]);
    expect(withoutCorrection(twice, { ...sharif, text: 'SHARIF' }).hidden).toEqual([{ ...sharif, site: 'other.example' }]);
  });
});
