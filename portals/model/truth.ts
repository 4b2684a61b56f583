import { workingDaysBetween } from '../../evaluators/lib/workdays.js';
import { textAttachments } from '../render/text-attachments.js';
import { daysBetween, type IsoDate } from './dates.js';
import { reportDeadline, reportYear } from './disclosure.js';
import { guideElementClasses } from './services.js';
import type { Column, PageDefect, PageScope, Portal } from './types.js';
import { groupPath, type Origins, resolveUrl, standIns } from './urls.js';
import { updateRule } from './windows.js';

/**
 * The ground truth of one sample portal, derived from the same model that renders its pages, so the two
 * cannot drift. Field meanings are documented in portals/README.md (truth schema).
 */
export function portalTruth(portal: Portal, origins: Origins, skin = 'classic') {
  const url = (u: string) => resolveUrl(u, origins);
  const columns = portal.columns.map((c) => columnTruth(c, portal.asOf, url));
  return {
    schema: 'govscore-sample-portal-truth/1',
    portal: {
      id: portal.id,
      name: portal.name,
      level: portal.level,
      url: origins.portal + '/',
      cms: portal.cms,
      encoding: portal.behaviour.encoding,
      asOf: portal.asOf,
      seed: portal.seed,
      services: portal.services !== null,
      siteIdCode: portal.siteIdCode,
      /** The markup the pages were written in (render/skin/skin.ts): it changes nothing else here. */
      skin,
    },
    homepage: homepageTruth(portal),
    columns,
    update: {
      staleV3: columns.filter((c) => c.rule === 'V3' && c.stale).length,
      staleV4: columns.filter((c) => c.rule === 'V4' && c.stale).length,
      blank: columns.filter((c) => c.blank).length,
    },
    disclosure: disclosureTruth(portal, url),
    mailbox: mailboxTruth(portal, url),
    nonConsultationLinks: portal.nonConsultationLinks.map((l) => ({ text: l.text, url: url(l.url) })),
    services: servicesTruth(portal, url),
    identity: {
      siteIdCode: portal.siteIdCode,
      footerShowsIdCode: true,
      meta: portal.metaTags,
      // Pages carry ColumnName only where the site writes column metas at all (render/layout.ts).
      columnNameMetaOn: portal.metaTags.column ? columns.filter((c) => c.columnNameMeta).map((c) => c.id) : [],
    },
    search: portal.search,
    elderlyMode: portal.elderlyMode,
    accessibility: { ...plantedAccessibility(portal), pageChecks: plantedPageDefects(portal, url) },
    brokenLinks: portal.plantedLinks.map((l) => ({ url: url(l.url), text: l.text, kind: l.kind, foundOn: l.foundOn, image: !!l.asImage })),
    allBrokenLinks: allBrokenLinks(portal, url),
    textChecks: { planted: plantedText(portal, url) },
    behaviour: portal.behaviour,
    linkChecks: linkChecksTruth(portal, url),
    documents: documentsTruth(portal, url),
  };
}

/**
 * Policy documents and reports on time: whether the policy documents show a validity mark (a catalogue's in its
 * metadata table), each planted 解读 with its document and the working days between them, and the website's
 * annual report due (the year, found, its date, on time).
 */
function documentsTruth(portal: Portal, url: (u: string) => string) {
  const plants = portal.documentPlants ?? {};
  const policy = portal.columns.filter((c) => c.kind === 'policy' && c.items.length);
  const items = portal.columns.flatMap((c) => c.items);
  const interpretations = items
    .filter((i) => i.related?.original)
    .map((i) => {
      const document = items.find((d) => d.path === i.related!.original)!;
      const workingDays = workingDaysBetween(document.date!, i.date!);
      return { url: url(i.path), title: i.title, date: i.date, document: url(document.path), documentDate: document.date, workingDays, late: workingDays > 3 };
    });
  const year = reportYear(portal.asOf, 'department');
  const report = (portal.websiteReports ?? []).find((r) => r.year === year) ?? null;
  const deadline = reportDeadline(year, 'department');
  return {
    policyColumns: policy.map((c) => c.id),
    validityMarked: policy.length ? policy.every((c) => c.style === 'catalogue' || !!plants.validityMarks) : null,
    interpretations,
    websiteReport: {
      year,
      deadline,
      found: !!report,
      url: report ? url(report.path) : null,
      title: report?.title ?? null,
      publishedOn: report?.publishedOn ?? null,
      onTime: report ? report.publishedOn <= deadline : null,
    },
  };
}

/**
 * The link checks' planted cases: hidden links off the site (with the kind of page), the hijacked homepage's
 * target for spiders, ad scripts, and the footer items a kind of page lacks (qxx shows no 公安备案 anywhere).
 */
function linkChecksTruth(portal: Portal, url: (u: string) => string) {
  const plants = portal.linkPlants ?? {};
  const gambling = url(`@interaction${standIns.gambling}`);
  const kinds = ['homepage', 'column', 'article'] as const;
  const noPolice = portal.police ? (plants.articleWithoutPolice ? ['article' as const] : []) : [...kinds];
  return {
    hiddenLinks: plants.hiddenArticleLink ? [{ on: 'article' as const, href: gambling, text: '澳门博彩娱乐城', how: 'display:none' }] : [],
    spiderRedirect: plants.spiderRedirect ? gambling : null,
    adScripts: plants.adScript ? [url(`@interaction${standIns.adScript}`)] : [],
    furnitureMissing: noPolice.map((kind) => ({ kind, item: 'police' as const })),
  };
}

export type PortalTruth = ReturnType<typeof portalTruth>;

/** What the text checks must find, and on which article (the newest of the column the text was planted in). */
function plantedText(
  portal: Portal,
  url: (u: string) => string,
): Array<{ url: string; in: 'page' | 'attachment'; check: 'wording' | 'leak'; kind: string; found: string }> {
  const attachments = textAttachments(portal);
  return (portal.textPlants ?? []).flatMap((plant) => {
    const item = portal.columns.find((c) => c.id === plant.columnId)?.items[0];
    if (!item) return [];
    const inPage = plant.expect.map((e) => ({ url: url(item.path), in: 'page' as const, ...e }));
    const file = attachments.get(item);
    const inFile = file ? (plant.attachment?.expect ?? []).map((e) => ({ url: url(file.path), in: 'attachment' as const, ...e })) : [];
    return [...inPage, ...inFile];
  });
}

function columnTruth(c: Column, asOf: IsoDate, url: (u: string) => string) {
  const dated = c.items.filter((i) => i.date !== null);
  const latest = dated.reduce<IsoDate | null>((max, i) => (max === null || i.date! > max ? i.date : max), null);
  const { rule, windowDays } = updateRule(c.kind, c.firstLevel);
  const blank = c.items.length === 0;
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    firstLevel: c.firstLevel,
    group: c.group,
    url: url(c.path),
    style: c.style,
    columnNameMeta: c.columnNameMeta,
    pages: Math.max(1, Math.ceil(c.items.length / c.pageSize)),
    pageSize: c.pageSize,
    itemCount: c.items.length,
    datedItems: dated.length,
    latest,
    rule,
    windowDays,
    // Blank columns are counted as blank only (the rules do not deduct one problem twice).
    stale: !blank && (latest === null || daysBetween(latest, asOf) > windowDays),
    blank,
    placeholder: c.placeholder ?? null,
    items: c.items.map((i) => ({
      title: i.title,
      url: url(i.path),
      date: i.date,
      shown: i.shown,
      ...(i.decoy ? { decoy: i.decoy } : {}),
      ...(i.writtenOn ? { writtenOn: i.writtenOn } : {}),
    })),
  };
}

/** Homepage freshness (V2): newest dated homepage item, or, for a navigation homepage, newest item below it. */
function homepageTruth(portal: Portal) {
  const shown =
    portal.homepage === 'navigation'
      ? portal.columns.flatMap((c) => c.items)
      : portal.homepageBlocks.flatMap((b) => portal.columns.find((c) => c.id === b.columnId)!.items.slice(0, b.count));
  const latest = shown.reduce<IsoDate | null>((max, i) => (i.date && (!max || i.date > max) ? i.date : max), null);
  return {
    isNavigation: portal.homepage === 'navigation',
    latest,
    stale: latest === null || daysBetween(latest, portal.asOf) > 14,
    blocks: portal.homepageBlocks,
  };
}

function disclosureTruth(portal: Portal, url: (u: string) => string) {
  const d = portal.disclosure;
  if (!d) return null;
  const maxItem = portal.level === 'government' ? 22 : 15;
  const items = Array.from({ length: maxItem }, (_, i) => {
    const found = d.art20Items.find((a) => a.id === i + 1);
    return { id: i + 1, found: !!found, label: found?.label ?? null, url: found ? url(found.path) : null };
  });
  const level = portal.level;
  const dueYear = reportYear(portal.asOf, level);
  const due = d.annualReports.find((r) => r.year === dueYear);
  return {
    url: url(d.path),
    guide: { url: url(d.guidePath), elements: d.guideElements },
    systemUrl: d.systemPath ? url(d.systemPath) : null,
    art20: { applicable: maxItem, present: items.filter((i) => i.found).length, items },
    catalogueUrl: d.catalogueColumnId ? url(portal.columns.find((c) => c.id === d.catalogueColumnId)!.path) : null,
    annualReports: d.annualReports.map((r) => ({
      year: r.year,
      url: url(r.path),
      publishedOn: r.publishedOn,
      deadline: reportDeadline(r.year, level),
      onTime: r.publishedOn <= reportDeadline(r.year, level),
      headings: r.headings,
    })),
    institution: d.institution ? { url: url(d.institution.path), elements: d.institution.elements } : null,
    leaders: d.leaders ? { url: url(d.leaders.path), elements: d.leaders.elements } : null,
    // Last year's report as the rules check it (Art. 49–50): due by 31 Jan (departments) / 31 Mar (governments).
    annualReport: {
      year: dueYear,
      deadline: reportDeadline(dueYear, level),
      found: !!due,
      publishedOn: due?.publishedOn ?? null,
      onTime: due ? due.publishedOn <= reportDeadline(dueYear, level) : false,
      headings: due?.headings ?? [],
    },
  };
}

function mailboxTruth(portal: Portal, url: (u: string) => string) {
  const m = portal.mailbox;
  if (!m) return null;
  const asOf = portal.asOf;
  const lastYear = m.letters.filter((l) => daysBetween(l.received, asOf) <= 365);
  const replied = lastYear.filter((l) => l.replied);
  const latencies = replied.map((l) => daysBetween(l.received, l.replied!)).sort((a, b) => a - b);
  return {
    name: m.name,
    placement: m.placement,
    entryUrl: url(m.entryPath),
    listUrl: url(m.listPath),
    pages: Math.ceil(m.letters.length / m.pageSize),
    listShowsReplyDate: m.listShowsReplyDate,
    fieldsShown: m.detailFields,
    letters: m.letters.length,
    lastYear: {
      letters: lastYear.length,
      replied: replied.length,
      replyRate: lastYear.length ? replied.length / lastYear.length : null,
      unansweredOver90Days: lastYear.filter((l) => !l.replied && daysBetween(l.received, asOf) > 90).length,
      repliedAfter90Days: replied.filter((l) => daysBetween(l.received, l.replied!) > 90).length,
      medianReplyCalendarDays: latencies.length ? latencies[Math.floor((latencies.length - 1) / 2)] : null,
    },
    items: m.letters.map((l) => ({
      id: l.id,
      title: l.title,
      received: l.received,
      replied: l.replied,
      status: l.status,
      department: l.department,
      url: url(l.path),
      ...(l.aroundHoliday ? { aroundHoliday: l.aroundHoliday } : {}),
    })),
  };
}

function servicesTruth(portal: Portal, url: (u: string) => string) {
  if (!portal.services || !portal.servicesPath) return null;
  const guides = portal.services.map((g) => ({
    url: url(g.path),
    title: g.title,
    elements: g.elements,
    missing: guideElementClasses.filter((c) => !g.elements.includes(c)),
  }));
  return {
    url: url(portal.servicesPath),
    guides,
    // A class missing in several guides counts once (docs/indicators.md, D10).
    missingClasses: guideElementClasses.filter((c) => guides.some((g) => g.missing.includes(c))),
    attachments: portal.services.flatMap((g) => g.attachments.map((a) => ({ url: url(a.path), ok: a.ok, guide: url(g.path) }))),
    online: portal.services.filter((g) => g.onlineUrl).map((g) => ({ url: url(g.onlineUrl!), reachable: !g.onlineUrl!.startsWith('@dead') })),
  };
}

/**
 * Every broken link of the portal: the planted ones on the homepage and the first article, plus the
 * 办事指南 attachments that 404 and 在线办理 links to a dead host.
 */
function allBrokenLinks(portal: Portal, url: (u: string) => string): Array<{ url: string; kind: string; foundOn: string }> {
  const firstArticle = portal.columns.find((c) => c.items.length > 0)?.items[0]?.path ?? '/';
  const planted = portal.plantedLinks.map((l) => ({ url: url(l.url), kind: l.kind, foundOn: url(l.foundOn === 'homepage' ? '/' : firstArticle) }));
  const guides = portal.services ?? [];
  const attachments = guides.flatMap((g) => g.attachments.filter((a) => !a.ok).map((a) => ({ url: url(a.path), kind: 'http-404', foundOn: url(g.path) })));
  const online = guides.filter((g) => g.onlineUrl?.startsWith('@dead')).map((g) => ({ url: url(g.onlineUrl!), kind: 'refused', foundOn: url(g.path) }));
  return [...planted, ...attachments, ...online];
}

/**
 * Planted defects with the axe-core rule (WCAG 2.x A/AA) that should report them; every other rule passes
 * on the homepage, column and article pages (test/integration/collect/accessibility.test.ts).
 */
function plantedAccessibility(portal: Portal) {
  const a = portal.accessibility;
  const planted: Array<{ rule: string; where: string }> = [];
  if (a.missingLang) planted.push({ rule: 'html-has-lang', where: 'every page' });
  if (a.imagesWithoutAlt) {
    planted.push({ rule: 'image-alt', where: 'every page (logo, 党政机关 badge), homepage headline picture and article pictures' });
    // A link whose only content is an image without alt has no name either (the badge on every page).
    planted.push({ rule: 'link-name', where: 'every page (党政机关 badge), homepage headline picture' });
  }
  // A site without search has no search box to leave unlabeled.
  if (a.unlabeledSearch && portal.search !== 'absent') planted.push({ rule: 'label', where: 'every page (search box)' });
  if (a.lowContrastFooter) planted.push({ rule: 'color-contrast', where: 'every page (footer)' });
  return { planted };
}

/** The WCAG 2.x success criterion each planted page defect fails (its first, where a check names two). */
const pageDefectCriteria: Record<PageDefect, string> = {
  'keyboard-trap': '2.1.2',
  'mouse-only': '2.1.1',
  'focus-not-visible': '2.4.7',
  reflow: '1.4.10',
  'text-zoom': '1.4.4',
  'page-title': '2.4.2',
  bypass: '2.4.1',
  'group-without-name': '1.3.1',
  'placeholder-only': '3.3.2',
  'moving-content': '2.2.2',
};

/**
 * Planted defects only the in-browser page checks find (evaluators/collect/page-checks.ts; axe-core
 * reports none of them, so `planted` above is unchanged), where they are and one page that shows each.
 * Pages outside `on` are clean of them (test/integration/collect/page-checks.test.ts).
 */
function plantedPageDefects(portal: Portal, url: (u: string) => string): Array<{ check: PageDefect; wcag: string; on: PageScope; example: string }> {
  const firstArticle = portal.columns.find((c) => c.items.length > 0)?.items[0]?.path ?? '/';
  const example: Record<PageScope, string> = {
    'every page': url('/'),
    homepage: url('/'),
    'channel pages': url(groupPath(portal, 0)),
    'article pages': url(firstArticle),
  };
  return (Object.entries(portal.accessibility.pageDefects ?? {}) as Array<[PageDefect, PageScope]>).map(([check, on]) => ({
    check,
    wcag: pageDefectCriteria[check],
    on,
    example: example[on],
  }));
}
