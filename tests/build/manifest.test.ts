import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBundle, cardsKnowledge, packPage, pageKnowledge } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';

const OUTPUT = new URL('../../.output/', import.meta.url).pathname;

function manifest(target: string): Record<string, any> {
  const file = `${OUTPUT}${target}/manifest.json`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test does)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (target) => {
  const built = manifest(target);

  it('is a Manifest V3 extension named Gloss with a store-valid version', () => {
    expect(built.manifest_version).toBe(3);
    expect(built.name).toBe('Gloss');
    expect(built.version).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(built.description.length).toBeGreaterThan(0);
    expect(built.description.length).toBeLessThanOrEqual(132);
  });

  it('asks for storage and nothing else', () => {
    expect(built.permissions).toEqual(['storage']);
    expect(built.optional_permissions).toBeUndefined();
    for (const host of built.host_permissions ?? []) {
      expect(built.content_scripts?.some((script: { matches: string[] }) => script.matches.includes(host))).toBe(true);
    }
  });

  it('ships every icon size it declares', () => {
    expect(Object.keys(built.icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    for (const file of Object.values<string>(built.icons)) expect(existsSync(`${OUTPUT}${target}/${file}`), file).toBe(true);
  });

  it('opens the popup from the toolbar', () => {
    expect(built.action.default_popup).toBe('popup.html');
    expect(existsSync(`${OUTPUT}${target}/popup.html`)).toBe(true);
  });

  it('offers keyboard commands to walk the marks, Alt+G forward and Alt+Shift+G back', () => {
    expect(built.commands).toEqual({
      'next-mark': { suggested_key: { default: 'Alt+G' }, description: expect.stringMatching(/next/) },
      'previous-mark': { suggested_key: { default: 'Alt+Shift+G' }, description: expect.stringMatching(/previous/) },
    });
    expect(built.background).toBeDefined();
  });

  it('runs its content script on web pages, in every frame, when the page is idle, with the highlight styles', () => {
    expect(built.content_scripts).toEqual([
      expect.objectContaining({
        matches: ['http://*/*', 'https://*/*'],
        all_frames: true,
        run_at: 'document_idle',
        css: [expect.stringMatching(/\.css$/)],
      }),
    ]);
  });

  it('ships a content script of at most 40 KB gzipped', () => {
    const [script] = built.content_scripts[0].js as string[];
    expect(gzipSync(readFileSync(`${OUTPUT}${target}/${script}`), { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
  });

  // What every page parses, and what the background parses each time it wakes, must not grow with the knowledge:
  // the package carries the knowledge as files, which the background reads when first asked.
  it('carries the knowledge as files of the package, not in its scripts', () => {
    const [script] = built.content_scripts[0].js as string[];
    const scripts = [script, 'background.js'].map((file) => readFileSync(`${OUTPUT}${target}/${file}`, 'utf8'));
    const bundle = buildBundle(loadKnowledge());
    const page = packPage(pageKnowledge(bundle));
    expect(JSON.parse(readFileSync(`${OUTPUT}${target}/knowledge/page.json`, 'utf8'))).toEqual(page);
    expect(JSON.parse(readFileSync(`${OUTPUT}${target}/knowledge/cards.json`, 'utf8'))).toEqual(cardsKnowledge(bundle));
    // Line by line: a minifier may write a string's line breaks as they are.
    const parts = [
      ...page.index.buckets,
      ...page.index.entities,
      ...bundle.entities.flatMap((entity) => entity.summary.map((claim) => claim.text)),
    ].flatMap((part) => part.split('\n'));
    for (const text of scripts) expect(parts.filter((part) => text.includes(JSON.stringify(part).slice(1, -1)))).toEqual([]);
  });

  it('does not expose its pages to websites', () => {
    expect(built.web_accessible_resources).toBeUndefined();
  });
});

describe('the Firefox build', () => {
  const built = manifest('firefox-mv3');

  it('declares its id, the first version with CSS highlights, and that it collects no data', () => {
    expect(built.browser_specific_settings).toEqual({
      gecko: { id: expect.stringMatching(/^[\w.-]+@[\w.-]+$/), strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
  });
});

describe('the Chrome build', () => {
  it('carries no Firefox-only keys', () => {
    expect(manifest('chrome-mv3').browser_specific_settings).toBeUndefined();
  });
});
