/**
 * Vite plugin: validates and compiles the knowledge when the extension is
 * built, and serves it as `virtual:gloss-knowledge` and its shares, each one JSON
 * string. A broken entry fails the build with the file, entry and field named.
 */
import type { Plugin } from 'vite';
import { join } from 'node:path';
import { buildBundle, cardsKnowledge, packPage, pageKnowledge, popupKnowledge, searchKnowledge, type KnowledgeBundle } from './bundle';
import { KNOWLEDGE_DIR, readKnowledgeFiles, validateKnowledge } from './load';

/** The whole bundle, and the shares of it that the content script, the background's cards, the popup's first render and its search bundle. */
const SHARES: Record<string, (bundle: KnowledgeBundle) => unknown> = {
  'virtual:gloss-knowledge': (bundle) => bundle,
  'virtual:gloss-knowledge/page': (bundle) => packPage(pageKnowledge(bundle)),
  'virtual:gloss-knowledge/cards': cardsKnowledge,
  'virtual:gloss-knowledge/popup': popupKnowledge,
  'virtual:gloss-knowledge/search': searchKnowledge,
};

export function glossKnowledge(dir = KNOWLEDGE_DIR): Plugin {
  // Each share is loaded on its own: the knowledge is validated once per content of its files, not once per share.
  let built: { files: string; bundle: KnowledgeBundle } | null = null;
  return {
    name: 'gloss-knowledge',
    resolveId: (id) => (Object.hasOwn(SHARES, id) ? `\0${id}` : undefined),
    load(id) {
      const share = id.startsWith('\0') && Object.hasOwn(SHARES, id.slice(1)) ? SHARES[id.slice(1)] : undefined;
      if (!share) return undefined;
      const files = readKnowledgeFiles(dir);
      for (const { file } of files) this.addWatchFile(join(dir, file));
      const key = JSON.stringify(files);
      if (built?.files !== key) built = { files: key, bundle: buildBundle(validateKnowledge(files)) };
      const bundle = built.bundle;
      const data = share(bundle);
      // The page's share is a few long strings, as cheap as a literal as in JSON. The others are one JSON string,
      // typed by virtual.d.ts: V8 parses JSON much faster than an object literal of the same size of many small
      // objects. The content script trusts what the build validated.
      if (id === '\0virtual:gloss-knowledge/page') return `export default ${JSON.stringify(data)};`;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
