/**
 * The one settings store, shared by the popup and the content scripts through
 * `storage.local`; both see changes live through storage change events.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@/core/settings';

const item = storage.defineItem<unknown>('local:settings');

function parse(raw: unknown): Settings {
  const { settings, problems } = parseSettings(raw);
  if (problems.length > 0) console.warn(`Gloss: stored settings were not valid (${problems.join('; ')}); using defaults for those.`);
  return settings;
}

export async function loadSettings(): Promise<Settings> {
  try {
    return parse(await item.getValue());
  } catch (error) {
    console.warn('Gloss: could not read settings; using defaults.', error);
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(settings);
}

/** Calls `listener` with the new settings whenever any page or the popup changes them; returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return item.watch((raw) => listener(parse(raw)));
}
