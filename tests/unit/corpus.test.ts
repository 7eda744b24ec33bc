import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/core/match';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';
import { readCorpus, type GoldMention } from '../support/corpus';

const matcher = createMatcher(buildBundle(loadKnowledge()).index);
const key = (m: Pick<GoldMention, 'entity' | 'start' | 'end'>) => `${m.entity}@${m.start}-${m.end}`;

const pages = readCorpus().map((page) => {
  const found = matcher.match(page.text);
  const gold = new Set(page.gold.map(key));
  const got = new Set(found.map(key));
  return {
    ...page,
    falseMarks: found.filter((m) => !gold.has(key(m))).map((m) => `${m.entity}: ${JSON.stringify(m.text)} at ${m.start}`),
    missed: page.gold.filter((m) => !got.has(key(m))).map((m) => `${m.entity}: ${JSON.stringify(m.text)} at ${m.start}`),
    hits: found.filter((m) => gold.has(key(m))).length,
  };
});

describe('the annotated corpus (tests/fixtures/corpus)', () => {
  it('has pages and confusers to measure on', () => {
    expect(pages.filter((p) => !p.confuser).length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.confuser).length).toBeGreaterThanOrEqual(5);
  });

  it('is matched with precision ≥ 0.97 and recall ≥ 0.95 (exact spans)', () => {
    const hits = pages.reduce((n, p) => n + p.hits, 0);
    const falseMarks = pages.reduce((n, p) => n + p.falseMarks.length, 0);
    const missed = pages.reduce((n, p) => n + p.missed.length, 0);
    const precision = hits / (hits + falseMarks);
    const recall = hits / (hits + missed);
    console.info(`corpus: ${hits} hits, ${falseMarks} false marks, ${missed} missed; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each(pages.filter((p) => p.confuser).map((p) => [p.file, p] as const))('makes no false mark on the confuser %s', (_file, page) => {
    expect(page.falseMarks).toEqual([]);
  });
});
