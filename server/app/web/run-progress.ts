import type { FastifyReply, FastifyRequest } from 'fastify';

import { failureLabel } from '../../../evaluators/collect/failures.js';
import type { Store } from '../../store/store.js';
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

export interface SiteProgress {
  id: string;
  name: string;
  group: string;
  state: SiteState;
  label: string;
  tag: string;
  reason: string;
}

export interface RunProgress {
  sites: SiteProgress[];
  done: number;
  total: number;
  finished: boolean;
  /** The message of the campaign that ran this run and failed (null while running or for runs started elsewhere). */
  failed: string | null;
}

/**
 * Where each site of a run stands, from the store alone — the assess process writes it as it goes, so this
 * is right for runs started here or from the command line. A pending site the process has begun is
 * 采集中 (`started_at`, which `runSites` does not return, is read here).
 */
export function runProgress(store: Store, runId: string): RunProgress | null {
  const run = store.getRun(runId);
  if (!run) return null;
  const campaign = store.campaigns.list().find((c) => c.runId === runId);
  const failed = campaign?.state === 'failed' ? (campaign.message ?? '评估进程未完成') : null;
  const active = !run.finishedAt && !failed;
  const started = new Set(store.db.prepare('SELECT site_id FROM run_sites WHERE run_id = ? AND started_at IS NOT NULL').pluck().all(runId) as string[]);
  const sites = store.runSites(runId).map((s): SiteProgress => {
    const state: SiteState = s.status === 'pending' ? (active && started.has(s.siteId) ? 'crawling' : 'waiting') : s.status;
    const reason = s.statusReason ? `${failureLabel(s.statusReason)}（${s.statusReason}）` : '';
    return { id: s.siteId, name: s.name, group: s.group, state, ...siteStates[state], reason };
  });
  return {
    sites,
    done: sites.filter((s) => s.state !== 'waiting' && s.state !== 'crawling').length,
    total: sites.length,
    finished: run.finishedAt !== null,
    failed,
  };
}

/**
 * Server-sent events of a run's progress: the store is polled (each poll is two small indexed queries) and
 * only what changed is sent — `site` per site, `progress` with the counts, `end` once the run finished or
 * its campaign failed, after which the stream is closed (progress.js then closes its EventSource so it does
 * not reconnect). Comments keep proxies from timing the stream out.
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
        const now = JSON.stringify({ done: p.done, total: p.total });
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
