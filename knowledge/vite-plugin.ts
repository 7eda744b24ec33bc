/**
 * Vite plugin: validates and compiles the knowledge when the extension is
 * built, and serves it as the module `virtual:gloss-knowledge`. A broken entry
 * fails the build with the file, entry and field named.
 */
import type { Plugin } from 'vite';
import { join } from 'node:path';
import { buildBundle, pageKnowledge } from './bundle';
import { KNOWLEDGE_DIR, readKnowledgeFiles, validateKnowledge } from './load';

/** The whole bundle (popup), and the page's share of it (content script). */
const IDS = ['virtual:gloss-knowledge', 'virtual:gloss-knowledge/page'];

export function glossKnowledge(dir = KNOWLEDGE_DIR): Plugin {
  return {
    name: 'gloss-knowledge',
    resolveId: (id) => (IDS.includes(id) ? `\0${id}` : undefined),
    load(id) {
      const name = id.slice(1);
      if (!id.startsWith('\0') || !IDS.includes(name)) return undefined;
      const files = readKnowledgeFiles(dir);
      for (const { file } of files) this.addWatchFile(join(dir, file));
      const bundle = buildBundle(validateKnowledge(files));
      return `export default ${JSON.stringify(name.endsWith('/page') ? pageKnowledge(bundle) : bundle)};`;
    },
  };
}
