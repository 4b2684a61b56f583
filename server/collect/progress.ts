import type { SiteProgress } from '../../evaluators/collect/crawl-site.js';

/** What a phase of a site's collection is called on the progress display. */
const phaseNames: Record<SitePhase, string> = {
  start: '准备',
  homepage: '首页',
  crawl: '栏目与文章',
  features: '公开/信箱/办事与功能',
  axe: '无障碍',
  pageChecks: '无障碍',
  lighthouse: 'Lighthouse',
  linksWait: '链接检查',
  attachments: '附件',
};

export type SitePhase = SiteProgress['phase'];

/** Where one site's collection stands: what a queue worker reports to its coordinator, and what the figures show. */
export interface SiteStand {
  phase: SitePhase;
  /** Pages opened so far: every page load the budget counted, or before the crawl has its meter, the pages recorded (not those skipped unopened). */
  pagesRead: number;
}

export const siteStand = (p: SiteProgress | SiteStand): SiteStand =>
  'pages' in p ? { phase: p.phase, pagesRead: p.budget?.opened ?? p.pages.reduce((n, page) => n + (page.role === 'skipped' ? 0 : 1), 0) } : { ...p };

/** A stand as received from another process (a queue job's progress), or null when it is not one. */
export function receivedStand(data: unknown): SiteStand | null {
  const d = data as Partial<SiteStand> | null;
  return d && typeof d === 'object' && typeof d.phase === 'string' && typeof d.pagesRead === 'number' ? { phase: d.phase, pagesRead: d.pagesRead } : null;
}

export interface SiteInFlight {
  siteId: string;
  name: string;
  /** When its collection began (ms since the epoch). */
  startedAt: number;
  /** The collector's own SiteProgress in this process, or the stand a queue worker last reported. */
  progress: SiteProgress | SiteStand;
}

/** The collecting process's view of its run: the CLI display and the figures the web shows are both drawn from it. */
export interface RunProgress {
  total: number;
  /** Sites done before this process started (a resumed run) and since. */
  done: number;
  /** Seconds each site finished in this process took: the ETA's basis. */
  durations: number[];
  /** Sites collected at once: --concurrency here, the most seen in flight at once through the queue. */
  concurrency: number;
  /** Pages a site may open (--max-pages). */
  budget: number;
  inFlight: SiteInFlight[];
}

/** A site begins (again, after a retry or on another worker: its earlier entry goes). */
export function siteStarted(state: RunProgress, site: SiteInFlight): void {
  siteLeft(state, site.siteId);
  state.inFlight.push(site);
}

/** A site's result is in, after `seconds` (null: a site given up without a crawl's time, not counted in the ETA). */
export function siteFinished(state: RunProgress, siteId: string, seconds: number | null): void {
  siteLeft(state, siteId);
  if (seconds !== null) state.durations.push(seconds);
  state.done++;
}

/** A site is no longer being collected without a result (its queue job went back to wait, stalled or failed an attempt). */
export function siteLeft(state: RunProgress, siteId: string): void {
  state.inFlight = state.inFlight.filter((s) => s.siteId !== siteId);
}

/** The run's remaining time: the sites left at the mean time a site took here, `concurrency` at a time; null before one finished. */
export function runEta(p: Pick<RunProgress, 'total' | 'done' | 'durations' | 'concurrency'>): number | null {
  if (!p.durations.length) return null;
  const mean = p.durations.reduce((a, b) => a + b, 0) / p.durations.length;
  return (Math.max(0, p.total - p.done) * mean) / Math.max(1, p.concurrency);
}

/** One site in flight as plain data: what the collecting process writes to the store for the web. */
export interface SiteFigures extends SiteStand {
  siteId: string;
  name: string;
  startedAt: number;
}

/** The figures of a run at one moment, plain data: the terminal draws them, the store carries them to the web page. */
export interface RunFigures {
  total: number;
  done: number;
  /** Seconds left (runEta), null before a site finished in the collecting process. */
  eta: number | null;
  budget: number;
  sites: SiteFigures[];
}

export function runFigures(p: RunProgress): RunFigures {
  return {
    total: p.total,
    done: p.done,
    eta: runEta(p),
    budget: p.budget,
    sites: p.inFlight.map((s) => ({ siteId: s.siteId, name: s.name, startedAt: s.startedAt, ...siteStand(s.progress) })),
  };
}

export const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export const phaseName = (phase: SitePhase) => phaseNames[phase] ?? phase;

/** "预计还需 1:40", or nothing before a site finished. */
export const etaText = (eta: number | null) => (eta === null ? '' : `预计还需 ${clock(eta)}`);

/**
 * A site in flight in words: its phase, the pages read of the budget (--max-pages, which every page load counts
 * against and none goes past; a site resumed from its journal may have more pages recorded), its time.
 */
export function siteFiguresText(s: SiteStand & { startedAt: number }, budget: number, now: number): string {
  const pages = s.pagesRead <= budget ? `已读取 ${s.pagesRead}/${budget} 个页面` : `已读取 ${s.pagesRead} 个页面（已达上限 ${budget}）`;
  return `${phaseName(s.phase)}，${pages}，已用 ${clock((now - s.startedAt) / 1000)}`;
}

/** The lines of the progress display: the run, then each site in flight. */
export function progressLines(f: RunFigures, now: number): string[] {
  const eta = etaText(f.eta);
  return [
    `进度：已完成 ${f.done}/${f.total} 个网站${eta ? `，${eta}` : ''}`,
    ...f.sites.map((s) => `  ${s.siteId} ${s.name}：${siteFiguresText(s, f.budget, now)}`),
  ];
}

/**
 * Shows the progress while sites are collected: on a terminal, a block redrawn in place every second; in a
 * log (not a terminal), the same lines every `everyMs` (default 30 s), so a long site still says what it does.
 */
export class ProgressDisplay {
  private timer: NodeJS.Timeout | null = null;
  private drawn = 0;

  constructor(
    private readonly state: RunProgress,
    private readonly out: { isTTY?: boolean; write: (text: string) => unknown } = process.stdout,
    private readonly everyMs = out.isTTY ? 1000 : 30_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.draw(), this.everyMs);
    this.timer.unref();
  }

  /** A line of the run's own log: written above the live block, which is drawn again under it. */
  log(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }

  private draw(): void {
    const lines = progressLines(runFigures(this.state), Date.now());
    if (!this.out.isTTY) {
      if (this.state.inFlight.length) this.out.write(`${lines.join('\n')}\n`);
      return;
    }
    this.clear();
    this.out.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }

  /** Removes the live block from a terminal (cursor up, clear to the end of the screen). */
  private clear(): void {
    if (this.out.isTTY && this.drawn) this.out.write(`\x1b[${this.drawn}A\x1b[0J`);
    this.drawn = 0;
  }
}
