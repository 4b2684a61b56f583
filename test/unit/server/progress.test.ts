import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PageRecord } from '../../../evaluators/collect/observations.js';
import { runProgress } from '../../../server/app/web/run-progress.js';
import {
  ProgressDisplay,
  progressLines,
  receivedStand,
  runEta,
  runFigures,
  type RunProgress,
  siteFiguresText,
  siteFinished,
  siteLeft,
  siteStand,
  siteStarted,
} from '../../../server/collect/progress.js';
import { publishProgress, silentAfterMs } from '../../../server/collect/progress-publisher.js';
import { Store } from '../../../server/store/store.js';

const page = (role: PageRecord['role'] = 'content'): PageRecord => ({
  url: 'https://www.example.gov.cn/',
  finalUrl: null,
  status: 200,
  role,
  ms: 10,
  error: null,
});
const state = (o: Partial<RunProgress> = {}): RunProgress => ({
  total: 6,
  done: 2,
  durations: [40, 60],
  concurrency: 2,
  budget: 500,
  inFlight: [{ siteId: 'jyj', name: '市教育局', startedAt: 1_000, progress: { phase: 'crawl', pages: Array.from({ length: 57 }, () => page()) } }],
  ...o,
});

describe('the progress display of a run', () => {
  afterEach(() => vi.useRealTimers());

  it('estimates the time left from the sites finished: 4 left at 50 s each, two at a time → 100 s; nothing before one finished', () => {
    expect(runEta(state())).toBe(100);
    expect(runEta(state({ durations: [] }))).toBeNull();
  });

  it('says per site in flight its phase, the pages read of the budget and the time taken, under the run line', () => {
    expect(progressLines(runFigures(state()), 43_000)).toEqual([
      '进度：已完成 2/6 个网站，预计还需 1:40',
      '  jyj 市教育局：栏目与文章，已读取 57/500 个页面，已用 0:42',
    ]);
    expect(progressLines(runFigures(state({ durations: [], inFlight: [] })), 43_000)).toEqual(['进度：已完成 2/6 个网站']);
  });

  it('counts the pages opened, not those recorded as skipped; past the budget (checked between levels) says it reached it', () => {
    const pages = [page('homepage'), page('column'), page('skipped'), page('skipped'), page('article'), page('failed')];
    expect(siteStand({ phase: 'crawl', pages })).toEqual({ phase: 'crawl', pagesRead: 4 });
    // Once the crawl has its meter, every page load it counted (second tries too).
    expect(siteStand({ phase: 'crawl', pages, budget: { opened: 7, limit: 500 } })).toEqual({ phase: 'crawl', pagesRead: 7 });
    expect(siteFiguresText({ phase: 'features', pagesRead: 612, startedAt: 0 }, 500, 3_723_000)).toBe(
      '公开/信箱/办事与功能，已读取 612 个页面（已达上限 500），已用 1:02:03',
    );
    expect(siteFiguresText({ phase: 'linksWait', pagesRead: 500, startedAt: 0 }, 500, 0)).toBe('链接检查，已读取 500/500 个页面，已用 0:00');
  });

  it('keeps the sites in flight: a site started again replaces its entry, a finished one counts with its time, one handed back leaves', () => {
    const s = state({ durations: [], inFlight: [] });
    siteStarted(s, { siteId: 'jyj', name: '市教育局', startedAt: 1, progress: { phase: 'start', pagesRead: 0 } });
    siteStarted(s, { siteId: 'gaj', name: '市公安局', startedAt: 2, progress: { phase: 'start', pagesRead: 0 } });
    siteStarted(s, { siteId: 'jyj', name: '市教育局', startedAt: 3, progress: { phase: 'homepage', pagesRead: 1 } });
    expect(s.inFlight.map((f) => [f.siteId, f.startedAt])).toEqual([
      ['gaj', 2],
      ['jyj', 3],
    ]);
    siteFinished(s, 'jyj', 30);
    siteLeft(s, 'gaj');
    siteFinished(s, 'lxq', null); // given up by the queue: done, but no time for the ETA
    expect(s).toMatchObject({ done: 4, durations: [30], inFlight: [] });
  });

  it('takes a stand received from a worker only when it is one', () => {
    expect(receivedStand({ phase: 'axe', pagesRead: 12 })).toEqual({ phase: 'axe', pagesRead: 12 });
    for (const bad of [null, 42, 'crawl', { phase: 'crawl' }, { phase: 3, pagesRead: 1 }, { phase: 'crawl', pagesRead: '12' }])
      expect(receivedStand(bad)).toBeNull();
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

describe('the figures carried to the web through the store', () => {
  afterEach(() => vi.useRealTimers());

  function storeWithRun(): { store: Store; runId: string } {
    const store = new Store(':memory:');
    const run = store.createRun(
      {
        id: 'r1',
        key: 'k1',
        name: '某市政府网站绩效评估',
        asOf: '2026-11-21',
        sitesFile: 'sites.yaml',
        sitesSha256: 'x',
        indicators: 'national-2019',
        options: {},
      },
      ['jyj', 'gaj', 'lxq'].map((siteId, position) => ({
        siteId,
        position,
        name: siteId,
        url: `https://${siteId}.example.gov.cn/`,
        group: '市直部门',
        services: true,
        level: 'department' as const,
      })),
    );
    return { store, runId: run.id };
  }

  it('are written at once and then every 2 s as they change, and removed when collecting ends', () => {
    vi.useFakeTimers();
    const { store, runId } = storeWithRun();
    const s = state({ total: 3, done: 0, durations: [], inFlight: [] });
    const published = publishProgress(store, runId, s);
    expect(store.progress.read(runId)?.figures).toEqual({ total: 3, done: 0, eta: null, budget: 500, sites: [] });
    const progress = { phase: 'homepage' as const, pages: [page('homepage')] };
    siteStarted(s, { siteId: 'jyj', name: 'jyj', startedAt: 5, progress });
    vi.advanceTimersByTime(1_999);
    expect(store.progress.read(runId)?.figures.sites).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(store.progress.read(runId)?.figures.sites).toEqual([{ siteId: 'jyj', name: 'jyj', startedAt: 5, phase: 'homepage', pagesRead: 1 }]);
    published.stop();
    expect(store.progress.read(runId)).toBeNull();
    store.close();
  });

  it('show on the progress page while fresh; a row its process stopped refreshing is said to be silent, without figures', () => {
    const { store, runId } = storeWithRun();
    store.markSiteStarted(runId, 'jyj');
    const at = new Date('2026-12-05T06:00:00Z');
    const sites = [{ siteId: 'jyj', name: 'jyj', startedAt: at.getTime() - 42_000, phase: 'crawl' as const, pagesRead: 57 }];
    const figures = { total: 3, done: 1, eta: 100, budget: 500, sites };
    store.progress.save(runId, figures, at);
    const fresh = runProgress(store, runId, at.getTime() + 5_000)!;
    expect(fresh).toMatchObject({ etaSeconds: 100, eta: '预计还需 1:40', silent: '' });
    expect(fresh.sites.find((s) => s.id === 'jyj')?.live).toEqual({
      phase: '栏目与文章',
      pagesRead: 57,
      budget: 500,
      elapsedSeconds: 47,
      text: '栏目与文章，已读取 57/500 个页面，已用 0:47',
    });
    expect(fresh.sites.find((s) => s.id === 'gaj')?.live).toBeNull(); // waiting: nothing reported
    const stale = runProgress(store, runId, at.getTime() + silentAfterMs + 1)!;
    expect(stale).toMatchObject({ etaSeconds: null, eta: '' });
    expect(stale.silent).toBe('采集进程自 2026-12-05 06:00 起未再报告进度，可能已停止。重新运行同一评估将从中断处继续。');
    expect(stale.sites.every((s) => s.live === null)).toBe(true);
    // A finished run shows neither.
    store.finishRun(runId);
    expect(runProgress(store, runId, at.getTime() + silentAfterMs + 1)).toMatchObject({ silent: '', eta: '' });
    store.close();
  });
});
