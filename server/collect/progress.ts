import type { SiteProgress } from '../../evaluators/collect/crawl-site.js';

/** What a phase of a site's collection is called on the progress display. */
const phaseNames: Record<string, string> = {
  start: '准备',
  homepage: '首页',
  crawl: '栏目与文章',
  features: '公开/信箱/办事与功能',
  axe: '无障碍',
  pageChecks: '无障碍',
  lighthouse: 'Lighthouse',
  linksWait: '链接检查',
};

export interface SiteInFlight {
  siteId: string;
  name: string;
  startedAt: number;
  progress: SiteProgress;
}

export interface RunProgress {
  total: number;
  /** Sites done before this process started (a resumed run) and since. */
  done: number;
  /** Seconds each site finished in this process took: the ETA's basis. */
  durations: number[];
  concurrency: number;
  inFlight: SiteInFlight[];
}

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The run's remaining time: the sites left at the mean time a site took here, `concurrency` at a time; null before one finished. */
export function runEta(p: Pick<RunProgress, 'total' | 'done' | 'durations' | 'concurrency'>): number | null {
  if (!p.durations.length) return null;
  const mean = p.durations.reduce((a, b) => a + b, 0) / p.durations.length;
  return (Math.max(0, p.total - p.done) * mean) / Math.max(1, p.concurrency);
}

/**
 * The lines of the progress display: the run, then each site in flight (its phase, the pages opened so far
 * against --max-pages — every page load counts — or, before its crawl has begun, the pages recorded; its time).
 */
export function progressLines(p: RunProgress, now: number): string[] {
  const eta = runEta(p);
  const lines = [`进度：已完成 ${p.done}/${p.total} 个网站${eta === null ? '' : `，预计还需 ${clock(eta)}`}`];
  for (const s of p.inFlight)
    lines.push(
      `  ${s.siteId} ${s.name}：${phaseNames[s.progress.phase] ?? s.progress.phase}，${pagesSoFar(s.progress)}，已用 ${clock((now - s.startedAt) / 1000)}`,
    );
  return lines;
}

function pagesSoFar(p: SiteProgress): string {
  return p.budget ? `已打开 ${p.budget.opened}/${p.budget.limit} 个页面` : `已读取 ${p.pages.length} 个页面`;
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
    const lines = progressLines(this.state, Date.now());
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
