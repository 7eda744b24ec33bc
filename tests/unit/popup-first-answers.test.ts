import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/core/settings';
import type { PageSummary } from '@/utils/messaging';
import { firstAnswers } from '@/entrypoints/popup/first-answers';

const PAGE: PageSummary = { hostname: 'news.example', active: true, found: [] };

afterEach(() => {
  vi.useRealTimers();
});

describe('the popup’s first answers', () => {
  it('are the settings and the summary when both come in time', async () => {
    expect(await firstAnswers(Promise.resolve(DEFAULT_SETTINGS), Promise.resolve(PAGE), 150)).toEqual({ settings: DEFAULT_SETTINGS, summary: PAGE });
  });

  it('keep a page that no content script answers for: null, not a missing answer', async () => {
    expect(await firstAnswers(Promise.resolve(DEFAULT_SETTINGS), Promise.resolve(null), 150)).toEqual({ settings: DEFAULT_SETTINGS, summary: null });
  });

  it('are given up when the page is slow, so that the popup renders without them', async () => {
    vi.useFakeTimers();
    const first = firstAnswers(Promise.resolve(DEFAULT_SETTINGS), new Promise<PageSummary>(() => undefined), 150);
    await vi.advanceTimersByTimeAsync(150);
    expect(await first).toBeUndefined();
  });
});
