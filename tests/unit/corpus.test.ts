import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/core/match';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';
import { CORPUS_DIR, HELDOUT_2_DIR, HELDOUT_DIR, readCorpus, type GoldMention } from '../support/corpus';

const knowledge = loadKnowledge();
const matcher = createMatcher(buildBundle(knowledge).index);
const knownIds = new Set(knowledge.entities.map((entity) => entity.id));
const key = (m: Pick<GoldMention, 'entity' | 'start' | 'end'>) => `${m.entity}@${m.start}-${m.end}`;
const where = (m: { entity: string; text: string; start: number }) => `${m.entity}: ${JSON.stringify(m.text)} at ${m.start}`;

function score(dir: string) {
  return readCorpus(dir).map((page) => {
    const found = matcher.match(page.text);
    const gold = new Set(page.gold.map(key));
    const got = new Set(found.map(key));
    return {
      ...page,
      falseMarks: found.filter((m) => !gold.has(key(m))).map(where),
      missed: page.gold.filter((m) => !got.has(key(m))).map(where),
      hits: found.filter((m) => gold.has(key(m))).length,
    };
  });
}

describe.each([
  ['the development corpus', CORPUS_DIR],
  ['the held-out corpus', HELDOUT_DIR],
  ['the second held-out corpus', HELDOUT_2_DIR],
])('%s', (name, dir) => {
  const pages = score(dir);

  it('has pages, traps among them, to measure on', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages.reduce((n, p) => n + p.gold.length, 0)).toBeGreaterThanOrEqual(200);
  });

  // A gold mark with an id the knowledge lacks (a typo, a renamed entity) would count as a miss that no change to the
  // matcher could fix.
  it('marks only entities the knowledge has', () => {
    const unknown = pages.flatMap((p) => p.gold.filter((m) => !knownIds.has(m.entity)).map((m) => `${p.file}: ${where(m)}`));
    expect(unknown).toEqual([]);
  });

  it('is matched with precision ≥ 0.97 and recall ≥ 0.95 (exact spans)', () => {
    const hits = pages.reduce((n, p) => n + p.hits, 0);
    const falseMarks = pages.flatMap((p) => p.falseMarks.map((m) => `${p.file}: ${m}`));
    const missed = pages.flatMap((p) => p.missed.map((m) => `${p.file}: ${m}`));
    const precision = hits / (hits + falseMarks.length);
    const recall = hits / (hits + missed.length);
    console.info(
      `${name}: ${hits} hits, ${falseMarks.length} false marks, ${missed.length} missed; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect({ precision, falseMarks }).toMatchObject({ precision: expect.toSatisfy((p: number) => p >= 0.97) });
    expect({ recall, missed }).toMatchObject({ recall: expect.toSatisfy((r: number) => r >= 0.95) });
  });

  it.each(pages.filter((p) => p.confuser).map((p) => [p.file, p] as const))('makes no false mark on the confuser %s', (_file, page) => {
    expect(page.falseMarks).toEqual([]);
  });
});
