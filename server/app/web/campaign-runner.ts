import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { Campaign } from '../../store/campaigns.js';
import type { RunRow, Store } from '../../store/store.js';
import { openRun, planRun } from '../../use-cases/plan-run.js';
import { signalGroup, startCommand } from './child-command.js';

/**
 * The repository's command: the web app starts `govscore assess` exactly as an operator would. Found by
 * walking up from this module, which runs from the sources (server/app/web) or their build (dist/server/app/web).
 */
export const govscoreBin = findBin(dirname(new URL(import.meta.url).pathname));

function findBin(dir: string): string {
  for (let d = dir; d !== dirname(d); d = dirname(d)) if (existsSync(join(d, 'bin', 'govscore.js'))) return join(d, 'bin', 'govscore.js');
  throw new Error(`bin/govscore.js not found above ${dir}`);
}

/** What a campaign changes from its sites file: the form's choices, kept next to the sites file. */
export interface CampaignOptions {
  indicators?: string;
  asOf?: string;
  maxPages?: number;
  /** Seconds of Retry-After waited out at most (`--rate-limit-patience`). */
  rateLimitPatience?: number;
  /** Lighthouse runs per site (the assess default when not given). */
  lighthousePages?: number;
  /** A random sample of this many sites, drawn with `seed` (scheduled spot checks). */
  sample?: number;
  seed?: string;
  /** The 政务新媒体 register uploaded with the campaign, in the campaign's folder (`--new-media`). */
  newMedia?: string;
  /** The queue job of the scheduled occurrence that created the campaign. */
  scheduledJob?: string | null;
}

const optionsFile = (campaign: Pick<Campaign, 'sitesFile'>) => join(dirname(campaign.sitesFile), 'options.json');
export const campaignLog = (campaign: Pick<Campaign, 'sitesFile'>) => join(dirname(campaign.sitesFile), 'assess.log');

export function saveCampaignOptions(sitesFile: string, options: CampaignOptions): void {
  writeFileSync(optionsFile({ sitesFile }), JSON.stringify(options));
}

export function campaignOptions(campaign: Pick<Campaign, 'sitesFile'>): CampaignOptions {
  const file = optionsFile(campaign);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CampaignOptions) : {};
}

/** The assess command line of a campaign (after the node binary): only the choices that differ from the sites file. */
export function assessArgs(o: { bin: string; sitesFile: string; dbFile: string; out: string; queueUrl?: string } & CampaignOptions): string[] {
  return [
    o.bin,
    'assess',
    o.sitesFile,
    '--db',
    o.dbFile,
    '--out',
    o.out,
    ...(o.indicators ? ['--indicators', o.indicators] : []),
    ...(o.asOf ? ['--as-of', o.asOf] : []),
    ...(o.maxPages ? ['--max-pages', String(o.maxPages)] : []),
    ...(o.rateLimitPatience ? ['--rate-limit-patience', String(o.rateLimitPatience)] : []),
    ...(o.newMedia ? ['--new-media', join(dirname(o.sitesFile), o.newMedia)] : []),
    ...(o.lighthousePages !== undefined ? ['--lighthouse-pages', String(o.lighthousePages)] : []),
    ...(o.sample ? ['--sample', String(o.sample), ...(o.seed ? ['--seed', o.seed] : [])] : []),
    ...(o.queueUrl ? ['--queue', o.queueUrl] : []),
  ];
}

/** Refusal to start a run another campaign is running. */
export class CampaignBusy extends Error {}

/**
 * Starts campaigns as `govscore assess` child processes. A separate process keeps Chromium's crashes and
 * the crawl's CPU out of the web server, and it is the same command as on the command line, so a run
 * started here resumes there and the other way round. The run is created here first so its id is known
 * at once (the live page is keyed by it); the child finds it by its key.
 */
export class CampaignRunner {
  private readonly children = new Map<number, { child: ChildProcess; exited: Promise<void> }>();
  private closing = false;

  constructor(private readonly o: { store: Store; dbFile: string; dataDir: string; bin?: string; queueUrl?: string }) {}

  isRunning(campaignId: number): boolean {
    return this.children.has(campaignId);
  }

  /** Resolves when the campaign's process has exited and its state is recorded (at once when none runs). */
  async settled(campaignId: number): Promise<void> {
    await this.children.get(campaignId)?.exited;
  }

  /** Creates or finds the run, records and audits the start, and spawns the assess process. Throws ConfigError when the sites file or set cannot be loaded. */
  start(campaign: Campaign, userId: number): RunRow {
    const { store } = this.o;
    const options = campaignOptions(campaign);
    const run = openRun(store, planRun({ sitesFile: campaign.sitesFile, ...options }));
    // Two campaigns with the same file, date, set and budgets share a run: never two processes on it.
    const other = store.campaigns.list().find((c) => c.id !== campaign.id && c.state === 'running' && c.runId === run.id);
    if (other) throw new CampaignBusy(`同一评估正由评估任务“${other.name}”（#${other.id}）运行，请等待其完成。`);
    const out = join(this.o.dataDir, 'runs', run.id);
    store.campaigns.update(campaign.id, { state: 'running', runId: run.id });
    store.reviews.audit(userId, 'campaign-started', `run:${run.id}`, { campaign: campaign.id });

    const log = campaignLog(campaign);
    // Its own process group: stopping the service stops the crawl and the Chromium it started.
    const { child, ended } = startCommand({
      argv: assessArgs({ bin: this.o.bin ?? govscoreBin, sitesFile: campaign.sitesFile, dbFile: this.o.dbFile, out, queueUrl: this.o.queueUrl, ...options }),
      log,
      what: '评估进程',
    });
    const exited = ended.then((end) => {
      this.children.delete(campaign.id);
      if (!this.closing) store.campaigns.update(campaign.id, end.ok ? { state: 'finished', message: null } : { state: 'failed', message: end.message });
    });
    this.children.set(campaign.id, { child, exited });
    return run;
  }

  /** On shutdown: the running campaigns are marked interrupted (starting them again resumes them) and their processes stopped. */
  async close(): Promise<void> {
    this.closing = true;
    const running = [...this.children.entries()];
    for (const [id, { child }] of running) {
      this.o.store.campaigns.update(id, { state: 'failed', message: '评估服务停止时评估尚未完成；重新开始将从中断处继续。' });
      signalGroup(child, 'SIGTERM');
    }
    await Promise.all(
      running.map(async ([, { child, exited }]) => {
        const hard = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(hard);
      }),
    );
  }
}
