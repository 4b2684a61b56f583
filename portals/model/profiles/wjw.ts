import type { PortalProfile } from '../assemble.js';

/**
 * 江临市卫生健康委员会 — behind an anti-bot firewall: the first request gets HTTP 412 and a script that
 * sets a cookie and reloads (a browser passes, a plain HTTP client does not). TRS-like static lists with
 * 2026年11月03日 / 2026年11月3日 dates, items without any date mixed into a dated column, a stale
 * 人事信息. 网上留言 with one letter answered after four months; an annual report on time but missing
 * two template headings; one guide attachment that 404s.
 */
export const wjw: PortalProfile = {
  id: 'wjw',
  name: '江临市卫生健康委员会',
  city: '江临市',
  level: 'department',
  region: '江临市',
  siteIdCode: '3301000045',
  icp: '浙ICP备05012777号',
  police: '浙公网安备 33010202000588号',
  // Link checks: an advertising network's script on every page.
  linkPlants: { adScript: true },
  theme: { primary: '#006d77', accent: '#e0f2f1', banner: '#00838f' },
  cms: 'trs',
  listMarkup: 'table',
  homepage: 'blocks',
  homepageBlocks: [
    { columnId: 'wjyw', count: 8, format: 'iso' },
    { columnId: 'tzgg', count: 6, format: 'iso' },
    { columnId: 'jkkp', count: 6, format: 'md' },
  ],
  columns: [
    { id: 'wjyw', name: '卫健要闻', kind: 'news', group: '新闻中心', state: 'fresh', count: 30, shown: { on: 'list', format: 'cn-padded' } },
    { id: 'tzgg', name: '通知公告', kind: 'notice', group: '新闻中心', state: 'fresh', count: 25, shown: { on: 'list', format: 'cn' } },
    { id: 'zcwj', name: '政策文件', kind: 'policy', group: '政策法规', state: 'fresh', count: 15, shown: { on: 'list', format: 'iso' } },
    { id: 'jbfk', name: '疾控动态', kind: 'news', group: '新闻中心', state: 'fresh', count: 24, shown: { on: 'list', format: 'iso' }, undatedShare: 0.2 },
    { id: 'rsxx', name: '人事信息', kind: 'personnel', group: '信息公开', state: 'stale', count: 10, shown: { on: 'list', format: 'iso' } },
    { id: 'ghjh', name: '规划计划', kind: 'planning', group: '信息公开', state: 'fresh', count: 6, shown: { on: 'list', format: 'iso' }, firstLevel: false },
    { id: 'jkkp', name: '健康科普', kind: 'other', group: '新闻中心', state: 'fresh', count: 28, shown: { on: 'list', format: 'bracket-iso' } },
  ],
  disclosure: {
    level: 'department',
    missingGuideElements: [],
    missingArt20: [10],
    annualReport: 'on-time',
    missingReportHeadings: 2,
    catalogueColumnId: null,
    missingInstitution: [],
    missingLeader: [],
    hasSystem: true,
  },
  mailbox: {
    name: '网上留言',
    placement: 'same-site',
    entryPath: '/hdjl/index.html',
    listPath: '/hdjl/wsly/index.html',
    pageSize: 15,
    listShowsReplyDate: true,
    receivedLabel: '提问时间',
    repliedLabel: '答复时间',
    detailFields: ['受理日期', '答复日期', '答复部门', '答复内容'],
    count: 36,
    spanDays: 380,
    replyDays: [1, 12],
    unansweredOver90: 0,
    repliedAfter90: 1,
    pending: 3,
    aroundHolidays: true,
  },
  nonConsultationLinks: [{ text: '医疗纠纷投诉（信访）', url: '@interaction/xf/index.html' }],
  services: {
    count: 6,
    missingEverywhere: [],
    missingSometimes: ['办理地点'],
    brokenAttachments: 1,
    online: 'ok',
    onlineBase: '@interaction',
  },
  servicesPath: '/bsfw/index.html',
  elderlyMode: true,
  search: 'works',
  metaTags: { site: true, column: true, article: true },
  accessibility: { missingLang: false, imagesWithoutAlt: false, unlabeledSearch: false, lowContrastFooter: false },
  plantedLinks: [{ url: '/zwgk/2019/jkzs/index.html', text: '健康指数（2019）', kind: 'http-404', foundOn: 'homepage' }],
  documentPlants: { validityMarks: 'list', websiteReport: 'on-time' },
  behaviour: { latencyMs: 0, robotsTxt: 'User-agent: *\nDisallow: /admin/\n', waf: true, encoding: 'utf-8', homepageRedirect: null },
};
