import { pageKey } from './collect/url-scope.js';
import type { StoredObservations } from './evaluate-site.js';
import { taxonomy } from './lib/taxonomy.js';
import type { MeasurementId } from './registry/measurements.js';
import type { SiteMeasurements } from './site-measurements.js';

/**
 * A measured value that rests on "not found" rather than on something seen: no 办事服务 entry, no consultation
 * channel, no dated item anywhere, no annual report. The finders may simply have missed it (other markup,
 * other words), so a veto resting on it is only suspected until a reviewer confirms or clears it.
 */
export interface Absence {
  found: false;
  /** What was looked for and not found, in words: 办事服务入口, 网上咨询建言渠道 … */
  what: string;
  /** Where the finders looked (pages, with how many links or items) and for which words. */
  searched: { where: string[]; for: string[] };
  /** The page the search ended on, when one was opened. */
  url: string | null;
}

/** Absences by the measurement path indicator sets cite as their source (`services.counts.notFound`). */
export type Absences = Partial<Record<MeasurementId, Absence>>;

/** One sentence for reports: 在首页的 86 个链接中查找“办事服务/网上办事…”，未找到办事服务入口. */
export function describeAbsence(a: Absence): string {
  const terms = a.searched.for
    .slice(0, 6)
    .map((t) => t.replace(/^re:.*$/, '…'))
    .filter((t, i, all) => t !== '…' || all.indexOf(t) === i);
  const more = a.searched.for.length > 6 ? '…' : '';
  const words = terms.length ? `查找“${terms.join('/')}${more}”` : '查找';
  return `在${a.searched.where.join('、') || '首页'}中${words}，未找到${a.what}`;
}

/**
 * The absences among a site's measurements. Computed here from the observations, not by the finders, so the
 * words searched come from the same taxonomy the finders use (evaluators/data/taxonomy.yaml); a finder that
 * records its own `searched` wins.
 */
export function findAbsences(observed: StoredObservations, m: SiteMeasurements): Absences {
  const out: Absences = {};
  const homepageLinks = countHomepageLinks(observed);
  const onHomepage = homepageLinks === null ? '首页的链接' : `首页的 ${homepageLinks} 个链接`;
  const t = taxonomy();

  // A value not measured (a page it rests on could not be read) is no absence: nothing was found missing.
  const h = m.updateFrequency?.homepage;
  if (h && h.source === null && h.stale !== null) {
    const s = h.searched;
    out['updateFrequency.homepage.ageDays'] = {
      found: false,
      what: '注明发布日期的信息',
      searched: { where: [`首页（${s.homepageItems} 条带日期的行）`, `${s.columns} 个栏目页（共 ${s.columnItems} 条信息）`], for: ['发布日期'] },
      url: observed.homepage?.finalUrl ?? null,
    };
  }

  const svc = m.services;
  if (svc && !svc.found && svc.counts.notFound !== null) {
    const own = searchedOf(observed.services);
    const entry = observed.services?.entry;
    out['services.counts.notFound'] = {
      found: false,
      what: entry ? '含办事指南要素的办事指南' : '办事服务入口',
      searched:
        own ??
        (entry
          ? {
              where: [`${onHomepage}`, `“${entry.text}”页面（列出 ${svc.guidesListed} 个链接）`],
              for: [...t.services.guideList, '事项名称/申请条件/办理材料等要素'],
            }
          : { where: [onHomepage], for: t.services.section }),
      url: svc.url,
    };
  }

  const mail = m.mailbox;
  if (mail && !mail.channel && mail.counts.noChannel !== null) {
    const own = searchedOf(observed.mailbox);
    const absence: Absence = {
      found: false,
      what: mail.notConsultation.length ? `网上咨询建言渠道（仅有${mail.notConsultation.join('、')}，不属于咨询渠道）` : '网上咨询建言渠道',
      searched: own ?? { where: [onHomepage, `首页所链“${t.mailbox.section.slice(0, 2).join('/')}”页面的链接`], for: t.mailbox.channels },
      url: null,
    };
    // V6 counts the missing channel plus the letters unanswered: without a channel there are no letters, so the value is the absence alone.
    out['mailbox.counts.noChannel'] = absence;
    if (mail.counts.noChannelOrOverdue === mail.counts.noChannel) out['mailbox.counts.noChannelOrOverdue'] = absence;
  }

  const d = m.disclosure;
  if (d && !d.found && d.counts.missingItems !== null) {
    out['disclosure.counts.missingItems'] = {
      found: false,
      what: '政府信息公开专栏',
      searched: searchedOf(observed.disclosure) ?? { where: [onHomepage], for: t.disclosure.section },
      url: null,
    };
  }
  if (d && !d.annualReport.found && d.counts.reportMissing !== null) {
    out['disclosure.counts.reportMissing'] = {
      found: false,
      what: `${d.annualReport.year}年政府信息公开工作年度报告`,
      searched: d.found
        ? { where: ['政府信息公开专栏的年报栏目'], for: [`${d.annualReport.year}年`, ...t.disclosure.parts.annualReports] }
        : { where: [onHomepage], for: t.disclosure.section },
      url: d.url,
    };
  }
  const w = m.websiteReport;
  if (w && !w.found) {
    out['websiteReport.counts.missing'] = { found: false, what: `${w.year}年度政府网站工作年度报表`, searched: w.searched, url: null };
  }
  return out;
}

/** Links on the homepage the crawl recorded (the finders read the same page), or null for a run without link checks. */
function countHomepageLinks(observed: StoredObservations): number | null {
  const home = observed.homepage;
  if (!home || !observed.links?.length) return null;
  const keys = new Set([pageKey(home.url), pageKey(home.finalUrl)]);
  return observed.links.filter((l) => l.kind === 'link' && l.foundOn.some((p) => keys.has(pageKey(p)))).length;
}

/** A finder's own record of its search (evaluators/collect/feature-links.ts `Searched`): the pages whose links it examined, how many links, the words. */
function searchedOf(observation: unknown): Absence['searched'] | null {
  const s = (observation as { searched?: { pages?: unknown; terms?: unknown; links?: unknown } } | null | undefined)?.searched;
  if (!s || !Array.isArray(s.pages) || !Array.isArray(s.terms) || s.pages.length === 0) return null;
  const pages = s.pages.map(String);
  const where = [`${pages.length} 个页面（${pages.slice(0, 3).join('、')}${pages.length > 3 ? ' 等' : ''}）的 ${Number(s.links) || 0} 个链接`];
  return { where, for: s.terms.map(String) };
}
