import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { listPresets } from '../../../../indicators/load.js';
import { answerNotFound } from '../../errors.js';
import type { RouteContext } from '../../route-context.js';
import { CampaignRunner } from '../campaign-runner.js';
import { pageGuard } from '../layout.js';
import { RecheckRunner } from '../recheck-runner.js';
import { ReportRefresher } from '../report-refresh.js';
import { progressEvents } from '../run-progress.js';
import { startScheduledCampaigns } from '../scheduled-campaigns.js';
import { auditPage } from './audit-page.js';
import { campaignPages } from './campaign-pages.js';
import { homePage } from './home-page.js';
import { progressPages } from './progress-pages.js';
import { publishPages } from './publish-pages.js';
import { recheckPages } from './recheck-pages.js';
import { reviewPages } from './review-pages.js';
import { userPages } from './user-pages.js';

/**
 * The staff pages (/staff), one file per concern: the 评估工作台 (home-page), campaigns (create, start),
 * progress (live, events), a site's review with overrides (review-pages), a run's ranking with
 * publishing (publish-pages), its re-checks (recheck-pages), accounts (user-pages) and the audit log (audit-page). Here: what they
 * share — the guard, the Chinese error pages, the campaign runner and the scheduled campaigns, and
 * closing them with the app.
 */
export function staffPages({ store, dbFile, dataDir, queueUrl }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const runner = new CampaignRunner({ store, dbFile, dataDir, queueUrl });
    const refresher = new ReportRefresher({ dbFile, dataDir });
    const rechecks = new RecheckRunner({ dbFile, dataDir });
    const schedules = queueUrl ? startScheduledCampaigns({ store, dataDir, runner, redisUrl: queueUrl, log: (line) => app.log.info(line) }) : null;
    const events = progressEvents(store);
    // A campaign still "running" from before a restart has no process any more: say so; starting it again resumes.
    for (const c of store.campaigns.list())
      if (c.state === 'running') store.campaigns.update(c.id, { state: 'failed', message: '评估服务重启时评估尚未完成；重新开始将从中断处继续。' });
    app.addHook('onClose', async () => {
      await schedules?.close();
      events.close();
      await runner.close();
      await refresher.close();
      await rechecks.close();
    });
    // The guard runs before the routes' own onRequest hooks (CSRF), so strangers are sent to the login page first.
    app.addHook('onRequest', pageGuard('evaluator', 'admin'));
    // Its own not-found answer, so that the guard above runs for unknown staff addresses too (strangers log in first).
    app.setNotFoundHandler(answerNotFound);

    await app.register(homePage(store));
    await app.register(campaignPages({ store, dataDir, runner, presets: listPresets() }));
    await app.register(progressPages({ store, events }));
    await app.register(reviewPages(store));
    await app.register(publishPages({ store, dataDir, refresher, rechecks }));
    await app.register(recheckPages({ store, runner: rechecks }));
    await app.register(userPages(store));
    await app.register(auditPage(store));
  };
}
