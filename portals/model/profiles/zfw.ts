import type { PortalProfile } from '../assemble.js';

/**
 * 江临市人民政府 — a city government portal on a TRS-like static CMS: the well-kept reference site.
 * index_N.html pagination written by an inline pager script, dated article URLs, a full 信息公开
 * section with the annual report on time, 市长信箱 on the portal with letters around holidays,
 * an 适老化 toolbar, robots.txt + sitemap.xml, one dead homepage link and one dead external link.
 */
export const zfw: PortalProfile = {
  id: 'zfw',
  name: '江临市人民政府',
  city: '江临市',
  level: 'government',
  region: '江临市',
  siteIdCode: '3301000001',
  icp: '浙ICP备05012345号',
  police: '浙公网安备 33010202000101号',
  theme: { primary: '#b5121b', accent: '#f3e3c3', banner: '#c8161e' },
  cms: 'trs',
  listMarkup: 'ul',
  homepage: 'blocks',
  homepageBlocks: [
    { columnId: 'zwyw', count: 8, format: 'bracket-md' },
    { columnId: 'tzgg', count: 7, format: 'md' },
    { columnId: 'zcwj', count: 6, format: 'iso' },
  ],
  columns: [
    { id: 'zwyw', name: '政务要闻', kind: 'news', group: '新闻中心', state: 'fresh', count: 46, shown: { on: 'list', format: 'iso' }, decoyShare: 0.1 },
    { id: 'bmdt', name: '部门动态', kind: 'news', group: '新闻中心', state: 'fresh', count: 31, shown: { on: 'list', format: 'slash' } },
    { id: 'tzgg', name: '通知公告', kind: 'notice', group: '新闻中心', state: 'fresh', count: 38, shown: { on: 'list', format: 'iso' }, decoyShare: 0.15 },
    // The newest 解读 comes the day after the newest document (model/documents.ts linkInterpretations).
    { id: 'zcwj', name: '政策文件', kind: 'policy', group: '政策文件', state: 'fresh', count: 24, shown: { on: 'list', format: 'iso' }, latestAgeDays: 10 },
    { id: 'zcjd', name: '政策解读', kind: 'other', group: '政策文件', state: 'fresh', count: 19, shown: { on: 'list', format: 'cn' }, latestAgeDays: 9 },
    { id: 'ghjh', name: '规划计划', kind: 'planning', group: '政务公开', state: 'stale', count: 8, shown: { on: 'list', format: 'iso' } },
    { id: 'rsxx', name: '人事信息', kind: 'personnel', group: '政务公开', state: 'fresh', count: 12, shown: { on: 'list', format: 'iso' }, firstLevel: false },
    { id: 'tjxx', name: '统计信息', kind: 'other', group: '政务公开', state: 'stale', count: 10, shown: { on: 'list', format: 'dot' } },
    { id: 'zxft', name: '在线访谈', kind: 'other', group: '专题专栏', state: 'blank', count: 0, shown: { on: 'none' } },
  ],
  disclosure: {
    level: 'government',
    missingGuideElements: [],
    missingArt20: [8, 10],
    annualReport: 'on-time',
    catalogueColumnId: null,
    missingInstitution: [],
    missingLeader: [],
    hasSystem: true,
  },
  mailbox: {
    name: '市长信箱',
    placement: 'same-site',
    entryPath: '/hdjl/index.html',
    listPath: '/hdjl/szxx/index.html',
    pageSize: 15,
    listShowsReplyDate: true,
    receivedLabel: '来信时间',
    repliedLabel: '回复时间',
    detailFields: ['受理日期', '答复日期', '答复部门', '答复内容'],
    count: 52,
    spanDays: 420,
    replyDays: [1, 9],
    unansweredOver90: 0,
    repliedAfter90: 0,
    pending: 2,
    aroundHolidays: true,
  },
  nonConsultationLinks: [
    { text: '网上信访', url: '@interaction/xf/index.html' },
    { text: '纪检监察举报', url: '@interaction/jjjc/index.html' },
  ],
  services: { count: 6, missingEverywhere: [], missingSometimes: [], brokenAttachments: 0, online: 'ok', onlineBase: '@interaction' },
  servicesPath: '/bsfw/index.html',
  elderlyMode: true,
  search: 'works',
  metaTags: { site: true, column: true, article: true },
  accessibility: { missingLang: false, imagesWithoutAlt: false, unlabeledSearch: false, lowContrastFooter: false },
  plantedLinks: [
    { url: '/old/zwgk/index.htm', text: '政务公开（旧版）', kind: 'http-404', foundOn: 'homepage' },
    { url: '@dead/', text: '江临市公共资源交易网', kind: 'refused', foundOn: 'article' },
  ],
  documentPlants: { validityMarks: 'line', websiteReport: 'on-time', interpretations: { column: 'zcjd', documents: 'zcwj' } },
  behaviour: {
    latencyMs: 0,
    robotsTxt: 'User-agent: *\nDisallow: /search/\nDisallow: /admin/\n',
    waf: false,
    encoding: 'utf-8',
    homepageRedirect: null,
  },
};
