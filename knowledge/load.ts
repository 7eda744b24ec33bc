/**
 * Reads the authored knowledge files and checks them: the schema, then the
 * references between entries. Build-time and test-time only (uses node:fs);
 * the extension bundles the compiled result, never this module.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { claimsOf, EntitySchema, NamesakeSetSchema, OtherNameSchema, SourceSchema, TopicSchema, type Entity, type Knowledge } from './schema';
import { aliasClaims } from './alias-claims';
import { otherNameChecker } from './other-names';
import { cutAlias, compileIndex } from './compile';
import type { CompiledAlias } from '../core/types';

export const KNOWLEDGE_DIR = new URL('.', import.meta.url).pathname;

export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** One JSON file of the knowledge, as its path relative to the knowledge folder and its parsed content. */
export interface KnowledgeFile {
  file: string;
  data: unknown;
}

export function readKnowledgeFiles(dir = KNOWLEDGE_DIR): KnowledgeFile[] {
  const read = (file: string): KnowledgeFile => {
    const text = readFileSync(join(dir, file), 'utf8');
    try {
      return { file, data: JSON.parse(text) };
    } catch (error) {
      throw new KnowledgeError([`${file}: not valid JSON (${(error as Error).message})`]);
    }
  };
  const entityFiles = readdirSync(join(dir, 'entities'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `entities/${name}`);
  return ['sources.json', 'topics.json', 'other-names.json', 'namesakes.json', ...entityFiles].map(read);
}

function describe(issue: z.core.$ZodIssue): string {
  const received = 'input' in issue && issue.input !== undefined ? ` (got ${JSON.stringify(issue.input)})` : '';
  return `${issue.message}${received}`;
}

/** Parses an array of entries, naming the file, the entry's id (or position) and the field of each problem. */
function parseEntries<T extends z.ZodType>(schema: T, { file, data }: KnowledgeFile, problems: string[]): z.output<T>[] {
  if (!Array.isArray(data)) {
    problems.push(`${file}: expected an array of entries`);
    return [];
  }
  const out: z.output<T>[] = [];
  data.forEach((entry: unknown, position: number) => {
    const result = schema.safeParse(entry, { reportInput: true });
    const { id, text } = (entry ?? {}) as { id?: unknown; text?: unknown };
    const name = typeof id === 'string' ? `"${id}"` : typeof text === 'string' ? `"${text}"` : `entry #${position + 1}`;
    if (result.success) {
      out.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const field = issue.path.length ? issue.path.join('.') : '(entry)';
      problems.push(`${file}: ${name}, field ${field}: ${describe(issue)}`);
    }
  });
  return out;
}

function checkReferences(knowledge: Knowledge, fileOf: Map<string, string>, problems: string[], requirePassages: boolean): void {
  const ids = new Map<string, number>();
  for (const list of [knowledge.sources, knowledge.topics, knowledge.namesakes, knowledge.entities]) {
    for (const { id } of list) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, count] of ids) {
    if (count > 1) problems.push(`${fileOf.get(id) ?? '?'}: "${id}", field id: used by ${count} entries; ids must be unique`);
  }
  const entityIds = new Set(knowledge.entities.map((e) => e.id));
  const topicIds = new Set(knowledge.topics.map((t) => t.id));
  const sourceIds = new Set(knowledge.sources.map((s) => s.id));
  const namesakeIds = new Set(knowledge.namesakes.map((s) => s.id));
  const at = (entity: Entity) => `${fileOf.get(entity.id)}: "${entity.id}"`;
  for (const entity of knowledge.entities) {
    entity.related.forEach((rel, i) => {
      if (!entityIds.has(rel.id)) problems.push(`${at(entity)}, field related.${i}.id: no entity "${rel.id}"`);
      if (rel.id === entity.id) problems.push(`${at(entity)}, field related.${i}.id: an entity cannot relate to itself`);
    });
    entity.quotes.forEach((quote, i) => {
      if (!entityIds.has(quote.speaker)) problems.push(`${at(entity)}, field quotes.${i}.speaker: no entity "${quote.speaker}"`);
    });
    entity.topics.forEach((topic, i) => {
      if (!topicIds.has(topic)) problems.push(`${at(entity)}, field topics.${i}: no topic "${topic}"`);
    });
    entity.sources.forEach((source, i) => {
      if (!sourceIds.has(source.source)) problems.push(`${at(entity)}, field sources.${i}.source: no source "${source.source}"`);
    });
    entity.aliases.forEach((alias, i) => {
      try {
        cutAlias(alias.text);
      } catch (error) {
        problems.push(`${at(entity)}, field aliases.${i}.text: ${(error as Error).message}`);
      }
      alias.after?.forEach((ref, j) => {
        if (!entityIds.has(ref)) problems.push(`${at(entity)}, field aliases.${i}.after.${j}: no entity "${ref}"`);
      });
      if (alias.namesakes && !namesakeIds.has(alias.namesakes)) {
        problems.push(`${at(entity)}, field aliases.${i}.namesakes: no set "${alias.namesakes}" in namesakes.json`);
      }
    });
  }
  for (const set of knowledge.namesakes) {
    set.names.forEach((name, i) => {
      try {
        cutAlias(name);
      } catch (error) {
        problems.push(`namesakes.json: "${set.id}", field names.${i}: ${(error as Error).message}`);
      }
    });
  }
  for (const { text } of knowledge.otherNames) {
    try {
      cutAlias(text);
    } catch (error) {
      problems.push(`other-names.json: "${text}", field text: ${(error as Error).message}`);
    }
  }
  checkRoleDates(knowledge, at, problems);
  if (requirePassages) checkPassages(knowledge, at, problems);
  if (problems.length > 0) return;
  let aliases: CompiledAlias[];
  try {
    aliases = compileIndex({ entities: knowledge.entities, otherNames: [], namesakes: knowledge.namesakes }).aliases;
  } catch (error) {
    problems.push(`${(error as Error).message}`);
    return;
  }
  const otherNameProblem = otherNameChecker(aliases);
  for (const { text } of knowledge.otherNames) {
    const problem = otherNameProblem(text);
    if (problem) problems.push(`other-names.json: "${text}" ${problem}`);
  }
  for (const claim of aliasClaims(knowledge.entities)) {
    if (claim.owners.length > 1) {
      problems.push(
        `${claim.owners.map((o) => `${fileOf.get(o.entity)}: "${o.entity}" field aliases.${o.index}`).join(' and ')}: ` +
          `both claim the surface form "${claim.text}"; give one of them a rule that tells them apart or remove it`,
      );
    }
  }
}

/** The claims of an entity, each with its field path, the source it rests on and the paragraph it cites. */
export function citingClaims(entity: Entity): { field: string; source: string; paragraph: number }[] {
  return claimsOf(entity).map(({ field, claim }) => ({ field: `${field}.paragraph`, source: claim.source, paragraph: claim.paragraph }));
}

/** The paragraphs of one source that the knowledge's claims cite, in order. */
export function citedParagraphs(knowledge: Knowledge, source: string): number[] {
  const cited = new Set<number>();
  for (const entity of knowledge.entities) {
    for (const claim of citingClaims(entity)) if (claim.source === source) cited.add(claim.paragraph);
  }
  return [...cited].sort((a, b) => a - b);
}

/** `role` is the newest role and `pastRoles` go back in time, by their sources' dates, so the card can show them in order. */
function checkRoleDates(knowledge: Knowledge, at: (entity: Entity) => string, problems: string[]): void {
  const dates = new Map(knowledge.sources.map((source) => [source.id, source.date]));
  for (const entity of knowledge.entities) {
    const roles = [entity.role, ...entity.pastRoles];
    roles.slice(1).forEach((role, i) => {
      const [date, before] = [dates.get(role.source), dates.get(roles[i]!.source)];
      if (date === undefined || before === undefined || date <= before) return;
      problems.push(
        `${at(entity)}, field pastRoles.${i}.source: "${role.source}" (${date}) is newer than the role before it ` +
          `("${roles[i]!.source}", ${before}); put the newest role first`,
      );
    });
  }
}

/** Every cited paragraph has a passage in the source its claim rests on, so the card can link to it. */
function checkPassages(knowledge: Knowledge, at: (entity: Entity) => string, problems: string[]): void {
  const passages = new Map(knowledge.sources.map((source) => [source.id, new Set(source.passages.map((passage) => passage.paragraph))]));
  for (const entity of knowledge.entities) {
    for (const { field, source, paragraph } of citingClaims(entity)) {
      if (!passages.get(source)?.has(paragraph)) {
        problems.push(
          `${at(entity)}, field ${field}: source "${source}" has no passage for paragraph ${paragraph} (npm run passages -- --source ${source}=<article>)`,
        );
      }
    }
  }
}

/**
 * Validates knowledge files; throws a KnowledgeError listing every problem found. `requirePassages: false` is for
 * `npm run passages`, which writes them.
 */
export function validateKnowledge(files: KnowledgeFile[], { requirePassages = true } = {}): Knowledge {
  const problems: string[] = [];
  const knowledge: Knowledge = { sources: [], topics: [], entities: [], otherNames: [], namesakes: [] };
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const remember = <T extends { id: string }>(entries: T[]) => {
      for (const entry of entries) if (!fileOf.has(entry.id)) fileOf.set(entry.id, file.file);
      return entries;
    };
    if (file.file === 'sources.json') knowledge.sources.push(...remember(parseEntries(SourceSchema, file, problems)));
    else if (file.file === 'topics.json') knowledge.topics.push(...remember(parseEntries(TopicSchema, file, problems)));
    else if (file.file === 'other-names.json') knowledge.otherNames.push(...parseEntries(OtherNameSchema, file, problems));
    else if (file.file === 'namesakes.json') knowledge.namesakes.push(...remember(parseEntries(NamesakeSetSchema, file, problems)));
    else knowledge.entities.push(...remember(parseEntries(EntitySchema, file, problems)));
  }
  if (problems.length === 0) checkReferences(knowledge, fileOf, problems, requirePassages);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}

export function loadKnowledge(dir = KNOWLEDGE_DIR): Knowledge {
  return validateKnowledge(readKnowledgeFiles(dir));
}
