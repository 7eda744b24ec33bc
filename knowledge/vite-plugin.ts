/**
 * How the build ships the knowledge, validated and compiled once per content of its files: the background's
 * shares as data files of the package (`PACKAGED`), which it reads when first asked, and the popup's as
 * `virtual:gloss-knowledge/…` modules, each one JSON string. A broken entry fails the build with the file, entry
 * and field named.
 */
import type { Plugin } from 'vite';
import { join } from 'node:path';
import { buildBundle, cardsKnowledge, packPage, pageKnowledge, popupKnowledge, searchKnowledge, type KnowledgeBundle } from './bundle';
import { KNOWLEDGE_DIR, readKnowledgeFiles, validateKnowledge, type KnowledgeFile } from './load';
import { PACKAGED } from './packaged';

/** The whole bundle, and the shares of it that the popup's first render and its search bundle. */
const SHARES: Record<string, (bundle: KnowledgeBundle) => unknown> = {
  'virtual:gloss-knowledge': (bundle) => bundle,
  'virtual:gloss-knowledge/popup': popupKnowledge,
  'virtual:gloss-knowledge/search': searchKnowledge,
};

let built: { files: string; bundle: KnowledgeBundle } | null = null;

function bundleOf(files: KnowledgeFile[]): KnowledgeBundle {
  const key = JSON.stringify(files);
  if (built?.files !== key) built = { files: key, bundle: buildBundle(validateKnowledge(files)) };
  return built.bundle;
}

/**
 * The files the package carries for the background: what a page finds names with (packed), and every card. The
 * background reads them from the package instead of parsing them as part of its script, which it would do each
 * time the browser wakes it, before it could answer a page.
 */
export function packagedKnowledge(dir = KNOWLEDGE_DIR): { relativeDest: string; contents: string }[] {
  const bundle = bundleOf(readKnowledgeFiles(dir));
  return [
    { relativeDest: PACKAGED.page.slice(1), contents: JSON.stringify(packPage(pageKnowledge(bundle))) },
    { relativeDest: PACKAGED.cards.slice(1), contents: JSON.stringify(cardsKnowledge(bundle)) },
  ];
}

export function glossKnowledge(dir = KNOWLEDGE_DIR): Plugin {
  return {
    name: 'gloss-knowledge',
    resolveId: (id) => (Object.hasOwn(SHARES, id) ? `\0${id}` : undefined),
    load(id) {
      const share = id.startsWith('\0') && Object.hasOwn(SHARES, id.slice(1)) ? SHARES[id.slice(1)] : undefined;
      if (!share) return undefined;
      const files = readKnowledgeFiles(dir);
      for (const { file } of files) this.addWatchFile(join(dir, file));
      // One JSON string, typed by virtual.d.ts: V8 parses JSON much faster than an object literal of the same size
      // of many small objects. The popup trusts what the build validated.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(share(bundleOf(files))))});`;
    },
  };
}
