import type { AssistModeObservation } from './collect/assist-modes.js';
import type { ColumnObservation } from './collect/observations.js';
import type { PageIntegrity } from './collect/page-integrity.js';
import type { IdentityObservation } from './collect/site-features.js';
import type { FunctionsObservation } from './collect/site-functions.js';
import { checkDomain, type DomainCheck, type MissingFurniture, missingFurniture } from './furniture.js';
import { icpNumber, policeNumber } from './lib/filing-numbers.js';

/** Identity and functions: 网站标识码, meta tags, ICP, site search, 适老化 entry, mobile layout, HTTPS. */
export const meta = { id: 'identity', version: '1', needs: ['identity', 'functions', 'columns'] } as const;

export interface IdentityMeasurement {
  /** 网站标识码 as the footer shows it, and as the SiteIDCode meta says. */
  siteIdCode: string | null;
  footerShowsIdCode: boolean;
  siteIdCodeMeta: string | null;
  /** 10 characters: 10 digits (local sites) or "bm" + 8 digits (ministries). */
  siteIdCodeValid: boolean;
  icp: string | null;
  police: string | null;
  meta: { site: boolean; column: boolean; article: boolean };
  missingMeta: string[];
  /** The same, by the page it was looked for on: the homepage's site metas, the columns' ColumnName, the article's. */
  missingMetaOn: Array<{ page: 'homepage' | 'column' | 'article'; url: string | null; names: string[]; pagesChecked: number }>;
  columnNameMetaOn: number;
  columns: number;
  /** `untested`: a search box, but nothing was searched (no recent article to look for, or the search did not answer): not measured, never broken. */
  search: 'works' | 'broken' | 'absent' | 'untested';
  searchQuery: string | null;
  searchUrl: string | null;
  /** Why a search that was tried could not be judged (untested): its failure (failures.ts), else null. */
  searchError: string | null;
  elderlyMode: boolean;
  /** Why the homepage could not be opened again to look for an entry only a script makes (failures.ts); null when it was, or a linked entry was found. */
  elderlyError: string | null;
  elderlyToolbar: boolean;
  /** Each 适老化 item of the mode as checked (null: no mode, or a run stored before modes were checked). */
  assist: AssistModeObservation | null;
  viewportMeta: boolean;
  horizontalScroll: boolean | null;
  /** Why the phone-width homepage could not be measured (failures.ts), else null. */
  mobileError: string | null;
  https: boolean;
  /** Footer items a kind of page (homepage, column pages, articles) lacks; null in runs stored before every page's footer was read. */
  furniture: MissingFurniture[] | null;
  /** The domain rules (.gov.cn; the portal's domain for a department that declares it). */
  domain: DomainCheck | null;
  /** The numbers indicator sets score (source paths identity.counts.*). */
  counts: {
    searchAbsent: number;
    searchBroken: number | null;
    /** Metas missing, 网站标识码 missing from the homepage footer, and from the column or article pages. */
    identityMissing: number;
    /** Of the badge, ICP and 公安备案 (each linked to its system), items missing per kind of page; null when footers were not read. */
    furnitureMissing: number | null;
    /** 1 when the host breaks the domain rules; null when the homepage is not known. */
    domainProblems: number | null;
    /** null when no linked entry was found and the homepage could not be opened again to look for one (`elderlyError`). */
    elderlyMissing: number | null;
    /** Of 文字放大, 高对比, 特大鼠标, 语音阅读 and no pop-ups: items absent or failing; null when the mode was not checked or an item could not be. */
    assistItemsMissing: number | null;
    /** null when the homepage could not be loaded at phone width (`mobileError`). */
    mobileProblems: number | null;
    notHttps: number;
  };
}

const siteMetas = ['SiteName', 'SiteDomain', 'SiteIDCode'];
const articleMetas = ['ArticleTitle', 'PubDate', 'ContentSource'];

export function evaluateIdentity(
  identity: IdentityObservation | null,
  functions: FunctionsObservation | null,
  columns: ColumnObservation[],
  /** Every page's footer and links (absent in older runs), and the domains the sites file gives. */
  pages: { integrity?: PageIntegrity[]; homepage?: string; portal?: string | null } = {},
): IdentityMeasurement {
  const footer = identity?.footerText ?? '';
  const code = /网站标识码\s*[：:]?\s*([A-Za-z0-9]{10})(?![A-Za-z0-9])/.exec(footer)?.[1] ?? null;
  const codeMeta = identity?.metas['SiteIDCode'] ?? null;
  const articleMeta = functions?.article?.metas ?? {};
  const missingMetaOn: IdentityMeasurement['missingMetaOn'] = [
    { page: 'homepage' as const, url: identity?.url ?? null, names: siteMetas.filter((m) => !identity?.metas[m]), pagesChecked: 1 },
    { page: 'column' as const, url: columns[0]?.url ?? null, names: columns.some((c) => c.columnNameMeta) ? [] : ['ColumnName'], pagesChecked: columns.length },
    {
      page: 'article' as const,
      url: functions?.article?.url ?? null,
      names: functions?.article ? articleMetas.filter((m) => !articleMeta[m]) : [],
      pagesChecked: 1,
    },
  ].filter((m) => m.names.length > 0);
  const missingMeta = missingMetaOn.flatMap((m) => m.names);
  const search = functions?.search;
  const mobile = functions?.mobile;
  const searchState = !search?.present ? 'absent' : search.found === null ? 'untested' : search.found ? 'works' : 'broken';
  const viewportMeta = /width\s*=\s*device-width/i.test(mobile?.viewportMeta ?? '');
  const horizontalScroll = mobile?.scrollWidth == null ? null : mobile.scrollWidth > mobile.width + 4;
  const elderlyMode = (functions?.elderly.entries.length ?? 0) > 0;
  const elderlyError: string | null = elderlyMode ? null : (functions?.elderly.error ?? null);
  const furniture = pages.integrity?.length ? missingFurniture(pages.integrity) : null;
  // The homepage's 网站标识码 is measured on its footer above: the footers read here add the other kinds of page.
  const idCodeElsewhere = (furniture ?? []).filter((f) => f.item === 'siteIdCode' && f.kind !== 'homepage').length;
  const domain = pages.homepage ? checkDomain(pages.homepage, pages.portal) : null;
  return {
    siteIdCode: code ?? codeMeta,
    footerShowsIdCode: code !== null,
    siteIdCodeMeta: codeMeta,
    siteIdCodeValid: /^(\d{10}|bm\d{8})$/i.test(code ?? codeMeta ?? ''),
    icp: icpNumber.exec(footer)?.[0] ?? null,
    police: policeNumber.exec(footer)?.[0] ?? null,
    meta: {
      site: siteMetas.every((m) => identity?.metas[m]),
      column: columns.some((c) => c.columnNameMeta),
      article: !!functions?.article && articleMetas.every((m) => articleMeta[m]),
    },
    missingMeta,
    missingMetaOn,
    columnNameMetaOn: columns.filter((c) => c.columnNameMeta).length,
    columns: columns.length,
    search: searchState,
    searchQuery: search?.query ?? null,
    searchUrl: search?.resultsUrl ?? null,
    searchError: searchState === 'untested' ? (search?.error ?? null) : null,
    elderlyMode,
    elderlyError,
    elderlyToolbar: functions?.elderly.toolbar ?? false,
    assist: functions?.elderly.modes ?? null,
    viewportMeta,
    horizontalScroll,
    mobileError: mobileError(mobile),
    https: functions?.https ?? false,
    furniture,
    domain,
    counts: {
      searchAbsent: searchState === 'absent' ? 1 : 0,
      searchBroken: searchState === 'untested' ? null : searchState === 'broken' ? 1 : 0,
      identityMissing: missingMeta.length + (code === null ? 1 : 0) + idCodeElsewhere,
      furnitureMissing: furniture ? furniture.filter((f) => f.item !== 'siteIdCode').length : null,
      domainProblems: domain ? (domain.status === 'not-gov' || domain.status === 'outside-portal' ? 1 : 0) : null,
      // No entry found on a homepage that could not be looked through: not known, never a deduction.
      elderlyMissing: elderlyMode ? 0 : elderlyError ? null : 1,
      assistItemsMissing: assistItemsMissing(functions?.elderly.modes ?? null),
      mobileProblems: mobileError(mobile) ? null : (viewportMeta ? 0 : 1) + (horizontalScroll ? 1 : 0),
      notHttps: functions?.https ? 0 : 1,
    },
  };
}

/** Why the phone-width homepage was not measured: its failure, or "error" for a run stored before failures were (no width read). */
function mobileError(mobile: FunctionsObservation['mobile'] | undefined): string | null {
  if (!mobile) return null;
  return mobile.error ?? (mobile.scrollWidth === null ? 'error' : null);
}

/** Items absent or failing; null when any could not be measured (a count resting on unmeasured items would be wrong). `offered` counts as present. */
function assistItemsMissing(modes: AssistModeObservation | null): number | null {
  if (!modes) return null;
  const items = [modes.enlarge, modes.contrast, modes.cursor, modes.readAloud, modes.noPopups];
  if (items.some((i) => i.status === 'not-measured')) return null;
  return items.filter((i) => i.status === 'absent' || i.status === 'fails').length;
}
