/**
 * Builds the naive marker (bench/naive-marker/: the benchmark's second anchor) into a folder of its own: the
 * checked-in manifest, script and style, plus forms.js with the surface forms it looks for.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = new URL('naive-marker/', import.meta.url).pathname;

/** Writes the extension to a new temporary folder and returns it; `forms` are the surface forms, as written. */
export function buildNaiveMarker(forms: readonly string[]): { dir: string; scriptBytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-naive-marker-'));
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(SOURCE)) copyFileSync(join(SOURCE, file), join(dir, file));
  // `var`: the script's global, which the next content script of the same extension sees, in both browsers.
  writeFileSync(join(dir, 'forms.js'), `var naiveMarkerForms = ${JSON.stringify([...new Set(forms)])};\n`);
  const scriptBytes = ['forms.js', 'content.js'].reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  return { dir, scriptBytes };
}
