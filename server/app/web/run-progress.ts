import type { FastifyReply, FastifyRequest } from 'fastify';

import { failureLabel } from '../../../evaluators/collect/failures.js';
import { etaText, phaseName, type RunFigures, siteFiguresText } from '../../collect/progress.js';
import { silentAfterMs } from '../../collect/progress-publisher.js';
import type { Store } from '../../store/store.js';
import { shortTime } from './appeal-status.js';
import { notice } from './layout.js';

export type SiteState = 'waiting' | 'crawling' | 'assessed' | 'unreachable' | 'blocked' | 'error';

/** Label and tag colour of each state (the tag classes are app.css's; progress.js receives both). */
export const siteStates: Record<SiteState, { label: string; tag: string }> = {
  waiting: { label: '等待', tag: 'pending' },
  crawling: { label: '采集中', tag: 'running' },
  assessed: { label: '已评估', tag: 'assessed' },
  unreachable: { label: '无法访问', tag: 'failed' },
  blocked: { label: '被拦截', tag: 'failed' },
  error: { label: '出错', tag: 'failed' },
};

/** A site in flight as the collecting process last reported it (the figures its terminal shows). */
export interface LiveSite {
  phase: string;
  pagesRead: number;
  /** Pages a site may open (--max-pages). */
  budget: number;
  elapsedSeconds: number;
  /** "栏目与文章，已读取 57/500 个页面，已用 0:42" */
  text: string;
}

export interface SiteProgress {
  id: string;
  name: string;
  group: string;
  state: SiteState;
  label: string;
  tag: string;
  reason: string;
  /** While it is collected and its process reports: where it stands (null otherwise). */
  live: LiveSite | null;
}

export interface RunProgress {
  sites: SiteProgress[];
  done: number;
  total: number;
  finished: boolean;
  /** The message of the campaign that ran this run and failed (null while running or for runs started elsewhere). */
  failed: string | null;
  /** The time left in seconds as the collecting process estimates it (null before a site finished there, or no process reports). */
  etaSeconds: number | null;
  /** The same in words ("预计还需 1:40"), or empty. */
  eta: string;
  /** Said when the process collecting the run stopped reporting (killed, or hung): its figures are not shown. Empty otherwise. */
  silent: string;
}

/**
 * The figures the collecting process last wrote for an unfinished run (server/collect/progress-publisher.ts), and
 * when, if that was long enough ago to take the process for stopped.
 */
function reportedFigures(store: Store, runId: string, now: number): { figures: RunFigures | null; silentSince: string | null } {
  const reported = store.progress.read(runId);
  if (!reported) return { figures: null, silentSince: null };
  return now - Date.parse(reported.updatedAt) > silentAfterMs
    ? { figures: null, silentSince: reported.updatedAt }
    : { figures: reported.figures, silentSince: null };
}

/**
 * Where each site of a run stands, from the store alone — the assess process (or the queue's coordinator) writes
 * it as it goes, so this is right for runs started here, from the command line or through the queue. A pending
 * site the process has begun is 采集中 (`started_at`, which `runSites` does not return, is read here), with the
 * figures that process last reported: its phase, pages and time, and the run's time left.
 */
export function runProgress(store: Store, runId: string, now = Date.now()): RunProgress | null {
  const run = store.getRun(runId);
  if (!run) return null;
  const campaign = store.campaigns.list().find((c) => c.runId === runId);
  const failed = campaign?.state === 'failed' ? (campaign.message ?? '评估进程未完成') : null;
  const active = !run.finishedAt && !failed;
  const { figures, silentSince } = active ? reportedFigures(store, runId, now) : { figures: null, silentSince: null };
  const started = new Set(store.db.prepare('SELECT site_id FROM run_sites WHERE run_id = ? AND started_at IS NOT NULL').pluck().all(runId) as string[]);
  const sites = store.runSites(runId).map((s): SiteProgress => {
    const state: SiteState = s.status === 'pending' ? (active && started.has(s.siteId) ? 'crawling' : 'waiting') : s.status;
    const reason = s.statusReason ? `${failureLabel(s.statusReason)}（${s.statusReason}）` : '';
    const reported = state === 'crawling' ? figures?.sites.find((f) => f.siteId === s.siteId) : undefined;
    const live: LiveSite | null =
      figures && reported
        ? {
            phase: phaseName(reported.phase),
            pagesRead: reported.pagesRead,
            budget: figures.budget,
            elapsedSeconds: Math.max(0, Math.round((now - reported.startedAt) / 1000)),
            text: siteFiguresText(reported, figures.budget, now),
          }
        : null;
    return { id: s.siteId, name: s.name, group: s.group, state, ...siteStates[state], reason, live };
  });
  const etaSeconds = figures?.eta === undefined || figures.eta === null ? null : Math.round(figures.eta);
  return {
    sites,
    done: sites.filter((s) => s.state !== 'waiting' && s.state !== 'crawling').length,
    total: sites.length,
    finished: run.finishedAt !== null,
    failed,
    etaSeconds,
    eta: etaText(etaSeconds),
    silent: silentSince ? `采集进程自 ${shortTime(silentSince)} 起未再报告进度，可能已停止。重新运行同一评估将从中断处继续。` : '',
  };
}

/**
 * Server-sent events of a run's progress: the store is polled (each poll is a few small indexed queries) and
 * only what changed is sent — `site` per site (one in flight each second: its time goes on), `progress` with the
 * counts and the time left, `end` once the run finished or its campaign failed, after which the stream is closed
 * (progress.js then closes its EventSource so it does not reconnect). Comments keep proxies from timing the
 * stream out.
 */
export function progressEvents(store: Store, options: { pollMs?: number; heartbeatMs?: number } = {}) {
  const pollMs = options.pollMs ?? 1000;
  const heartbeatEvery = Math.max(1, Math.round((options.heartbeatMs ?? 15_000) / pollMs));
  const open = new Set<() => void>();

  async function handler(request: FastifyRequest, reply: FastifyReply, runId: string) {
    if (!store.getRun(runId)) return notice(request, reply, 404, '未找到', '未找到该评估。');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 5000\n\n');
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const sent = new Map<string, string>();
    let counts = '';
    let ticks = 0;
    const stop = () => {
      clearInterval(timer);
      open.delete(stop);
      if (!res.writableEnded) res.end();
    };
    const poll = () => {
      try {
        const p = runProgress(store, runId);
        if (!p) return stop();
        for (const site of p.sites) {
          const json = JSON.stringify(site);
          if (sent.get(site.id) !== json) send('site', site);
          sent.set(site.id, json);
        }
        const now = JSON.stringify({ done: p.done, total: p.total, etaSeconds: p.etaSeconds, eta: p.eta, silent: p.silent });
        if (now !== counts) res.write(`event: progress\ndata: ${now}\n\n`);
        counts = now;
        if (p.finished || p.failed) {
          send('end', { finished: p.finished, message: p.failed, review: `/staff/runs/${runId}` });
          return stop();
        }
        if (++ticks % heartbeatEvery === 0) res.write(': heartbeat\n\n');
      } catch (error) {
        request.log.error(error);
        stop();
      }
    };
    const timer = setInterval(poll, pollMs);
    open.add(stop);
    res.on('close', stop);
    poll();
  }

  /** Ends every open stream (app close: the server would otherwise wait for them). */
  const close = () => [...open].forEach((stop) => stop());
  return { handler, close };
}
