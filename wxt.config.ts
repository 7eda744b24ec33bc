import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PACKAGED } from './knowledge/packaged';
import { glossKnowledge, packagedKnowledge } from './knowledge/vite-plugin';

const GECKO_ID = 'gloss@gloss-reader.org';
// The scale benchmark (bench/scale.ts) builds other knowledge into an output folder of its own.
const { GLOSS_KNOWLEDGE_DIR, GLOSS_OUT_DIR } = process.env;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  ...(GLOSS_OUT_DIR && { outDir: GLOSS_OUT_DIR }),
  // Mozilla's reviewers rebuild the add-on from the sources zip: it holds what `npm ci && npm run build:firefox`
  // needs and the README that says so, not the tests, benchmark, tools or screenshots (a test rebuilds from it).
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'entrypoints/**',
      'components/**',
      'core/**',
      'knowledge/**',
      'utils/**',
      'public/**',
    ],
    // A maintainer's drafts (`npm run knowledge:draft`) are no part of the build.
    excludeSources: ['knowledge/drafts/**'],
  },
  vite: () => ({ plugins: [preact(), glossKnowledge(GLOSS_KNOWLEDGE_DIR)] }),
  // The knowledge ships as data files of the package, which the background reads (`knowledge/vite-plugin.ts`).
  // They are written with the public files: `wxt dev` writes them as it starts, so a knowledge edit needs a restart.
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...packagedKnowledge(GLOSS_KNOWLEDGE_DIR));
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...Object.values(PACKAGED));
    },
  },
  manifest: ({ browser, mode }) => ({
    name: 'Gloss',
    description: 'Context for the names in the news: marks the people, groups and places Gloss knows and shows what its sources say about them.',
    permissions: ['storage'],
    action: { default_title: 'Gloss' },
    commands: {
      'next-mark': { suggested_key: { default: 'Alt+G' }, description: 'Go to the next marked name and open its card' },
      'previous-mark': { suggested_key: { default: 'Alt+Shift+G' }, description: 'Go to the previous marked name and open its card' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // 140 is the first Firefox with the CSS Custom Highlight API that the marks are painted with.
        gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
    // Firefox refuses to navigate to moz-extension:// pages from automation unless they are web-accessible;
    // only the test build (mode "test", its own output folder) exposes the popup that way.
    ...(mode === 'test' && { web_accessible_resources: [{ resources: ['popup.html'], matches: ['<all_urls>'] }] }),
  }),
});
