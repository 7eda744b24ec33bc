/**
 * The reader's settings: one versioned shape with defaults, and a parser that
 * keeps every valid field of a stored value and falls back to the default for
 * the rest, so a corrupt or foreign value never breaks the popup or a page.
 * Only what the reader chose is stored: no page, URL or text they read.
 */
import type { Kind } from './types';

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The "everywhere" switch. */
  enabled: boolean;
  /** Hostnames the reader switched Gloss off on. */
  sitesOff: string[];
  topicsOff: string[];
  kindsOff: Kind[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  sitesOff: [],
  topicsOff: [],
  kindsOff: [],
});

const KINDS: readonly Kind[] = ['person', 'group', 'country', 'place', 'event'];

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export interface ParsedSettings {
  settings: Settings;
  /** What was wrong with the stored value, for a console warning; empty when it was valid or absent. */
  problems: string[];
}

export function parseSettings(raw: unknown): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, sitesOff: [], topicsOff: [], kindsOff: [] };
  if (raw === undefined || raw === null) return { settings, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: [`expected an object, got ${JSON.stringify(raw)?.slice(0, 80)}`] };
  const stored = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (stored.version !== SETTINGS_VERSION) problems.push(`unknown version ${JSON.stringify(stored.version)}`);
  if (typeof stored.enabled === 'boolean') settings.enabled = stored.enabled;
  else if ('enabled' in stored) problems.push('enabled is not a boolean');
  for (const field of ['sitesOff', 'topicsOff'] as const) {
    if (isStringList(stored[field])) settings[field] = [...new Set(stored[field])];
    else if (field in stored) problems.push(`${field} is not a list of strings`);
  }
  if (isStringList(stored.kindsOff) && stored.kindsOff.every((kind) => (KINDS as string[]).includes(kind))) {
    settings.kindsOff = [...new Set(stored.kindsOff as Kind[])];
  } else if ('kindsOff' in stored) {
    problems.push('kindsOff is not a list of kinds');
  }
  return { settings, problems };
}

/** Whether Gloss runs on a page of this host. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.sitesOff.includes(hostname);
}

/** An entity is shown when its kind is on and at least one of its topics is on. */
export function isShown(settings: Settings, entity: { kind: Kind; topics: readonly string[] }): boolean {
  return !settings.kindsOff.includes(entity.kind) && entity.topics.some((topic) => !settings.topicsOff.includes(topic));
}
