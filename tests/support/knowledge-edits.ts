/**
 * A maintainer's mistakes, made on purpose: knowledge files read from a folder with one entry changed, and the
 * problems validation names for them.
 */
import { expect } from 'vitest';
import { KnowledgeError, readKnowledgeFiles, validateKnowledge, type KnowledgeFile } from '@/knowledge/load';

/** The knowledge files of `dir` (the project's by default) with entry `id` changed by `change`. */
export function withEntry(id: string, change: (entry: Record<string, any>) => void, dir?: string): KnowledgeFile[] {
  return readKnowledgeFiles(dir).map((file) => {
    if (!Array.isArray(file.data)) return file;
    const data = structuredClone(file.data) as Record<string, any>[];
    const entry = data.find((e) => e.id === id);
    if (entry) change(entry);
    return { ...file, data };
  });
}

/** The problems validation reports for `files`; fails the test if it accepts them. */
export function problemsOf(files: KnowledgeFile[]): string[] {
  try {
    validateKnowledge(files);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).problems;
  }
  throw new Error('expected the knowledge to be rejected');
}
