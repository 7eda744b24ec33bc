import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, isShown, parseSettings } from '@/core/settings';

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
    const { settings, problems } = parseSettings({ version: 1, enabled: 'yes', sitesOff: ['example.org', 7], topicsOff: ['trade-sanctions'], kindsOff: ['place'] });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, topicsOff: ['trade-sanctions'], kindsOff: ['place'] });
    expect(problems).toEqual(['enabled is not a boolean', 'sitesOff is not a list of strings']);
  });

  it('reject kinds Gloss does not have', () => {
    expect(parseSettings({ version: 1, kindsOff: ['planet'] }).settings.kindsOff).toEqual([]);
  });

  it('flag an unknown version', () => {
    expect(parseSettings({ version: 99, enabled: false }).problems).toContain('unknown version 99');
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
