/**
 * The one settings store, shared by the popup and the content scripts through
 * `storage.local`; both see changes live through storage change events.
 * `browser.storage` is used directly: WXT's storage wrapper (versions,
 * metadata, snapshots) would cost the content script 3 KB for one key.
 */
import { browser } from '#imports';
import { defaultSettings, parseSettings, type Settings } from '@/core/settings';

const KEY = 'settings';

function parse(raw: unknown): Settings {
  const { settings, problems } = parseSettings(raw);
  if (problems.length > 0) console.warn(`Gloss: stored settings were not valid (${problems.join('; ')}); using defaults for those.`);
  return settings;
}

export async function loadSettings(): Promise<Settings> {
  try {
    return parse((await browser.storage.local.get(KEY))[KEY]);
  } catch (error) {
    console.warn('Gloss: could not read settings; using defaults.', error);
    return defaultSettings();
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/**
 * Applies `change` to the settings as stored now, so a change made in a page and one made in the popup (or another
 * tab) a moment apart don't overwrite each other.
 */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<void> {
  await saveSettings(change(await loadSettings()));
}

/** Calls `listener` with the new settings whenever any page or the popup changes them, until `signal` aborts. */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(parse(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
