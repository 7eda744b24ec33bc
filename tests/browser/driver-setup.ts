/** Where the driver finds the browsers and the builds, and the small tools its parts share. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const INSTALL_BROWSERS = 'apt-get update && apt-get install -y chromium firefox-esr';
export const BUILD = 'npm run build && npm run build:test';
/** The Firefox add-on's internal UUID, fixed by pref so that `moz-extension://<uuid>` is known before install. */
export const FIREFOX_ADDON_UUID = '6f0c1a52-3b1e-4d7a-9a55-91d0c0ffee42';
/** The page used as the extension-side helper (and the popup under test). */
export const POPUP = 'popup.html';
export const VIEWPORT = { width: 1280, height: 720 };
/** Pointer moves are interpolated in this many steps, so the page sees a motion, not a jump. */
export const POINTER_STEPS = 8;
export const POLL_MS = 50;
/** GLOSS_HARNESS_DEBUG=1 logs how each tab id was found and the launch time. */
export const debug = (...parts: unknown[]) => {
  if (process.env.GLOSS_HARNESS_DEBUG) console.error('[gloss-harness]', ...parts);
};

export function requireBinary(envName: string, fallback: string, label: string): string {
  const path = process.env[envName] || fallback;
  if (!existsSync(path)) {
    throw new Error(
      `${label} not found at ${path}. Install the system browsers with: ${INSTALL_BROWSERS} ` +
        `(or point ${envName} at a ${label} binary). Browser tests never download a browser.`,
    );
  }
  return path;
}

export function requireBuild(envName: string, folder: string): { dir: string; manifest: any } {
  const dir = resolve(process.env[envName] || resolve(ROOT, '.output', folder));
  const file = resolve(dir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`The extension build ${dir} is missing. Build it with: ${BUILD} (or set ${envName} to a build folder).`);
  }
  return { dir: realpathSync(dir), manifest: JSON.parse(readFileSync(file, 'utf8')) };
}

/** Chromium derives an unpacked extension's id from its absolute path: SHA-256, first 32 hex digits mapped 0-f → a-p. */
export function chromiumExtensionId(absoluteDir: string): string {
  const hex = createHash('sha256').update(absoluteDir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
