/**
 * The reader's settings: one versioned shape with defaults, and a parser that
 * keeps every valid field of a stored value and falls back to the default for
 * the rest, so a corrupt or foreign value never breaks the popup or a page.
 * Only what the reader chose is stored: no page, URL or text they read beyond
 * the surface form of a mark they corrected.
 */
import { oneLine, surfaceKey } from './normalize';
import { isKind, type Kind } from './kinds';

/**
 * 2 added `hidden` and `announce`, 3 added `wholePage`; an older value is read as the current version with the
 * new fields' defaults.
 */
export const SETTINGS_VERSION = 3;

/** What Gloss marks on a site: the reading text (the article, or a front page's headlines) or the whole page. */
export type Scope = 'article' | 'page';

/** "Not this": on `site`, the surface form `text` does not name `entity`. */
export interface Correction {
  site: string;
  text: string;
  entity: string;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The "everywhere" switch. */
  enabled: boolean;
  /** Hostnames the reader switched Gloss off on. */
  sitesOff: string[];
  topicsOff: string[];
  kindsOff: Kind[];
  hidden: Correction[];
  /** Tell screen readers, once per page, how many names were marked. */
  announce: boolean;
  /** Hostnames where the reader chose to mark the whole page rather than its reading text (the default). */
  wholePage: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  sitesOff: [],
  topicsOff: [],
  kindsOff: [],
  hidden: [],
  announce: true,
  wholePage: [],
});

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

const isCorrection = (value: unknown): value is Correction =>
  typeof value === 'object' &&
  value !== null &&
  ['site', 'text', 'entity'].every(
    (field) => typeof (value as Record<string, unknown>)[field] === 'string' && (value as Record<string, string>)[field] !== '',
  );

const sameCorrection = (a: Correction, b: Correction) => a.site === b.site && a.entity === b.entity && surfaceKey(a.text) === surfaceKey(b.text);

export interface ParsedSettings {
  settings: Settings;
  /** What was wrong with the stored value, for a console warning; empty when it was valid or absent. */
  problems: string[];
}

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, sitesOff: [], topicsOff: [], kindsOff: [], hidden: [], wholePage: [] };
}

export function parseSettings(raw: unknown): ParsedSettings {
  const settings = defaultSettings();
  if (raw === undefined || raw === null) return { settings, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: [`expected an object, got ${JSON.stringify(raw)?.slice(0, 80)}`] };
  const stored = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (stored.version !== SETTINGS_VERSION && stored.version !== 1 && stored.version !== 2)
    problems.push(`unknown version ${JSON.stringify(stored.version)}`);
  for (const field of ['enabled', 'announce'] as const) {
    if (typeof stored[field] === 'boolean') settings[field] = stored[field];
    else if (field in stored) problems.push(`${field} is not a boolean`);
  }
  for (const field of ['sitesOff', 'topicsOff', 'wholePage'] as const) {
    if (isStringList(stored[field])) settings[field] = [...new Set(stored[field])];
    else if (field in stored) problems.push(`${field} is not a list of strings`);
  }
  if (isStringList(stored.kindsOff) && stored.kindsOff.every(isKind)) {
    settings.kindsOff = [...new Set(stored.kindsOff as Kind[])];
  } else if ('kindsOff' in stored) {
    problems.push('kindsOff is not a list of kinds');
  }
  if (Array.isArray(stored.hidden)) {
    for (const item of stored.hidden) {
      if (!isCorrection(item)) problems.push(`hidden holds ${JSON.stringify(item)?.slice(0, 80)}, not a correction`);
      else if (!settings.hidden.some((known) => sameCorrection(known, item)))
        settings.hidden.push({ site: item.site, text: item.text, entity: item.entity });
    }
  } else if ('hidden' in stored) {
    problems.push('hidden is not a list');
  }
  return { settings, problems };
}

/** Whether Gloss runs on a page of this host. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.sitesOff.includes(hostname);
}

/** What Gloss marks on pages of this host. */
export function scopeOn(settings: Settings, hostname: string): Scope {
  return settings.wholePage.includes(hostname) ? 'page' : 'article';
}

/** The settings with this host's scope set to `scope`. */
export function withScope(settings: Settings, hostname: string, scope: Scope): Settings {
  const others = settings.wholePage.filter((host) => host !== hostname);
  return { ...settings, wholePage: scope === 'page' ? [...others, hostname] : others };
}

/** An entity is shown when its kind is on and at least one of its topics is on. */
export function isShown(settings: Settings, entity: { kind: Kind; topics: readonly string[] }): boolean {
  return !settings.kindsOff.includes(entity.kind) && entity.topics.some((topic) => !settings.topicsOff.includes(topic));
}

/** Whether the reader said that, on `site`, this mark's words don't name its entity. */
export function isCorrected(settings: Settings, site: string, mark: { text: string; entity: string }): boolean {
  return settings.hidden.some((correction) => sameCorrection(correction, { site, text: mark.text, entity: mark.entity }));
}

/** The settings with `correction` added (once). */
export function withCorrection(settings: Settings, correction: Correction): Settings {
  if (settings.hidden.some((known) => sameCorrection(known, correction))) return settings;
  return { ...settings, hidden: [...settings.hidden, { ...correction, text: oneLine(correction.text) }] };
}

export function withoutCorrection(settings: Settings, correction: Correction): Settings {
  return { ...settings, hidden: settings.hidden.filter((known) => !sameCorrection(known, correction)) };
}
