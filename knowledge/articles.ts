/**
 * The articles the knowledge's sources are, as the command-line tools take them: `--source ID=FILE`, once per
 * source, or one bare `--source FILE` when the knowledge has one source. Build-time and test-time only.
 */
import { readFileSync } from 'node:fs';
import { passageProblem, readArticle } from './passages';
import type { Knowledge } from './schema';
import { verifyQuotes } from './verify-quotes';

/** A command line that names no article, an unknown source or one source twice. */
export class SourceArgsError extends Error {
  override name = 'SourceArgsError';
}

const ID_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)=(.+)$/s;

/** Source id → article file, from the values of `--source`. */
export function parseSourceArgs(values: readonly string[], sourceIds: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const known = sourceIds.map((id) => `"${id}"`).join(', ');
  for (const value of values) {
    const pair = ID_FILE.exec(value);
    if (!pair) {
      if (values.length > 1 || sourceIds.length !== 1) {
        throw new SourceArgsError(`--source ${value}: say which source the article is, as --source ID=FILE (the sources: ${known})`);
      }
      files.set(sourceIds[0]!, value);
      continue;
    }
    const [, id, file] = pair as unknown as [string, string, string];
    if (!sourceIds.includes(id)) throw new SourceArgsError(`--source ${value}: no source "${id}" in sources.json (the sources: ${known})`);
    if (files.has(id)) throw new SourceArgsError(`--source ${value}: source "${id}" is given twice`);
    files.set(id, file);
  }
  return files;
}

export interface ArticleFile {
  file: string;
  text: string;
}

export function readArticles(files: ReadonlyMap<string, string>): Map<string, ArticleFile> {
  return new Map([...files].map(([id, file]) => [id, { file, text: readFileSync(file, 'utf8') }]));
}

/** Every quote verbatim in its paragraph and every passage opening its article at its paragraph, for the articles given. */
export function articleProblems(knowledge: Knowledge, articles: ReadonlyMap<string, ArticleFile>): string[] {
  const problems = verifyQuotes(knowledge, new Map([...articles].map(([id, { text }]) => [id, text])));
  for (const source of knowledge.sources) {
    const given = articles.get(source.id);
    if (!given) continue;
    const article = readArticle(given.text);
    source.passages.forEach((passage, i) => {
      const problem = passageProblem(article, passage);
      if (problem) problems.push(`"${source.id}", field passages.${i}: ${problem} (npm run passages -- --source ${source.id}=${given.file})`);
    });
  }
  return problems;
}
