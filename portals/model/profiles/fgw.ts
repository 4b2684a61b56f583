import type { PortalProfile } from '../assemble.js';

/**
 * 江临市发展和改革委员会 — a department with server-rendered lists (?page=N) in a table layout, dates as
 * 2026.11.03 and 2026年11月3日, and its 政策文件 in a 信息公开目录 (a JSON API rendered into a table by
 * script) whose 成文日期 precedes the 发布日期 by more than a month: reading 成文日期 would call a fresh
 * column stale. No consultation channel (only 信访 and 纪检举报 links): the V6 veto. No external
 * services. A blank 人事信息, a column whose items carry no date at all, no annual report for last year,
 * a search box that fails, a homepage link that never answers, low-contrast footer text.
 */
export const fgw: PortalProfile = {
  id: 'fgw',
  name: '江临市发展和改革委员会',
  city: '江临市',
  level: 'department',
  region: '江临市',
  siteIdCode: '3301000023',
  icp: '浙ICP备05012411号',
  police: '浙公网安备 33010202000322号',
  // Link checks: article pages without the 公安备案 number.
  linkPlants: { articleWithoutPolice: true },
  theme: { primary: '#0b6e4f', accent: '#e3f2ec', banner: '#12855f' },
  cms: 'query',
  listMarkup: 'table',
  homepage: 'blocks',
  homepageBlocks: [
    { columnId: 'fgyw', count: 8, format: 'dot' },
    { columnId: 'tzgg', count: 6, format: 'dot' },
  ],
  columns: [
    { id: 'fgyw', name: '发改要闻', kind: 'news', group: '新闻中心', state: 'fresh', count: 30, shown: { on: 'list', format: 'dot' }, pageSize: 12 },
    { id: 'tzgg', name: '通知公告', kind: 'notice', group: '新闻中心', state: 'fresh', count: 22, shown: { on: 'list', format: 'dot' }, pageSize: 12 },
    {
      id: 'zcwj',
      name: '政策文件',
      kind: 'policy',
      group: '信息公开',
      state: 'fresh',
      count: 26,
      shown: { on: 'list', format: 'iso' },
      style: 'catalogue',
      latestAgeDays: 160,
      pageSize: 10,
    },
    { id: 'fzgh', name: '发展规划', kind: 'planning', group: '信息公开', state: 'fresh', count: 10, shown: { on: 'list', format: 'cn' } },
    { id: 'xmsp', name: '项目审批', kind: 'other', group: '政务服务', state: 'fresh', count: 34, shown: { on: 'list', format: 'dot' }, pageSize: 12 },
    { id: 'jgjc', name: '价格监测', kind: 'other', group: '政务服务', state: 'stale', count: 15, shown: { on: 'list', format: 'dot' } },
    { id: 'rsxx', name: '人事信息', kind: 'personnel', group: '信息公开', state: 'blank', count: 0, shown: { on: 'none' } },
    { id: 'xyjs', name: '信用建设', kind: 'other', group: '政务服务', state: 'undated', count: 9, shown: { on: 'none' } },
  ],
  disclosure: {
    level: 'department',
    missingGuideElements: ['编排体系'],
    missingArt20: [12],
    annualReport: 'absent',
    catalogueColumnId: 'zcwj',
    missingInstitution: [],
    missingLeader: [],
    hasSystem: true,
  },
  mailbox: null,
  nonConsultationLinks: [
    { text: '信访事项', url: '@interaction/xf/index.html' },
    { text: '违纪违法举报', url: '@interaction/jjjc/index.html' },
  ],
  services: null,
  servicesPath: null,
  elderlyMode: true,
  search: 'broken',
  metaTags: { site: true, column: true, article: true },
  accessibility: { missingLang: false, imagesWithoutAlt: false, unlabeledSearch: false, lowContrastFooter: true },
  plantedLinks: [{ url: '/slow/hang/sjkf.html', text: '数据开放', kind: 'timeout', foundOn: 'homepage' }],
  documentPlants: { websiteReport: 'older-only' },
  behaviour: {
    latencyMs: 0,
    robotsTxt: 'User-agent: *\nDisallow: /api/\n',
    waf: false,
    encoding: 'utf-8',
    homepageRedirect: null,
  },
};
