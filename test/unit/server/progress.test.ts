import { afterEach, describe, expect, it, vi } from 'vitest';

import { ProgressDisplay, progressLines, runEta, type RunProgress } from '../../../server/collect/progress.js';

const page = { url: 'https://www.example.gov.cn/', finalUrl: null, status: 200, role: 'content' as const, ms: 10, error: null };
const state = (o: Partial<RunProgress> = {}): RunProgress => ({
  total: 6,
  done: 2,
  durations: [40, 60],
  concurrency: 2,
  inFlight: [{ siteId: 'jyj', name: '市教育局', startedAt: 1_000, progress: { phase: 'crawl', pages: Array.from({ length: 57 }, () => page) } }],
  ...o,
});

describe('the progress display of a run', () => {
  afterEach(() => vi.useRealTimers());

  it('estimates the time left from the sites finished: 4 left at 50 s each, two at a time → 100 s; nothing before one finished', () => {
    expect(runEta(state())).toBe(100);
    expect(runEta(state({ durations: [] }))).toBeNull();
  });

  it('says per site in flight its phase, the pages opened of the budget and the time taken, under the run line', () => {
    const opening = state({ inFlight: [{ ...state().inFlight[0]!, progress: { phase: 'crawl', pages: [page], budget: { opened: 63, limit: 500 } } }] });
    expect(progressLines(opening, 43_000)).toEqual(['进度：已完成 2/6 个网站，预计还需 1:40', '  jyj 市教育局：栏目与文章，已打开 63/500 个页面，已用 0:42']);
    // Before its crawl has a budget (robots.txt under way), the pages recorded.
    expect(progressLines(state(), 43_000)[1]).toBe('  jyj 市教育局：栏目与文章，已读取 57 个页面，已用 0:42');
  });

  it('in a log (not a terminal): the same lines every 30 s while a site is in flight; nothing is ever erased', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const display = new ProgressDisplay(state(), { isTTY: false, write: (t) => written.push(t) });
    display.start();
    vi.advanceTimersByTime(29_000);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^进度：已完成 2\/6 个网站/);
    display.log('[3/6] jyj 市教育局 — 21 columns');
    display.stop();
    expect(written.join('')).not.toContain('\x1b[');
  });

  it('on a terminal: redrawn in place each second, a log line written above it, and erased when done', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const display = new ProgressDisplay(state(), { isTTY: true, write: (t) => written.push(t) });
    display.start();
    vi.advanceTimersByTime(1_000);
    vi.advanceTimersByTime(1_000);
    // Drawn, then moved up over its two lines and cleared before drawing again.
    expect(written.slice(0, 3)).toEqual([expect.stringMatching(/^进度/), '\x1b[2A\x1b[0J', expect.stringMatching(/^进度/)]);
    display.log('[3/6] jyj 市教育局 — 21 columns');
    expect(written.slice(3)).toEqual(['\x1b[2A\x1b[0J', '[3/6] jyj 市教育局 — 21 columns\n']);
    vi.advanceTimersByTime(1_000);
    display.stop();
    expect(written.at(-1)).toBe('\x1b[2A\x1b[0J');
  });
});
