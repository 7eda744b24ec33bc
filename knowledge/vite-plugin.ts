/**
 * Vite plugin: validates and compiles the knowledge when the extension is
 * built, and serves it as the module `virtual:gloss-knowledge`. A broken entry
 * fails the build with the file, entry and field named.
 */
import type { Plugin } from 'vite';
import { join } from 'node:path';
import { buildBundle } from './bundle';
import { KNOWLEDGE_DIR, readKnowledgeFiles, validateKnowledge } from './load';

const ID = 'virtual:gloss-knowledge';
const RESOLVED = `\0${ID}`;

export function glossKnowledge(dir = KNOWLEDGE_DIR): Plugin {
  return {
    name: 'gloss-knowledge',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = readKnowledgeFiles(dir);
      for (const { file } of files) this.addWatchFile(join(dir, file));
      const bundle = buildBundle(validateKnowledge(files));
      return `export default ${JSON.stringify(bundle)};`;
    },
  };
}
