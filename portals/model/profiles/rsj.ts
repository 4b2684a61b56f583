import type { PortalProfile } from '../assemble.js';

/**
 * 江临市人力资源和社会保障局 — a homepage that is only a navigation page (tiles, no dated items); lists
 * without dates, the date only on the article page (发布时间：… text, or only <meta name="PubDate">).
 * Five blank columns (the V5 veto), a stale 政策文件, no meta tags, an unlabeled search box.
 * 咨询投诉 with 提问时间/答复时间, a reply rate under 90 % and no 答复部门 on the detail page; the
 * annual report on time; guides missing classes in some guides; 在线办理 pointing at a dead host.
 */
export const rsj: PortalProfile = {
  id: 'rsj',
  name: '江临市人力资源和社会保障局',
  city: '江临市',
  level: 'department',
  region: '江临市',
  siteIdCode: '3301000034',
  icp: '浙ICP备05012500号',
  police: '浙公网安备 33010202000407号',
  // Link checks: the homepage sends Baiduspider to a gambling stand-in (劫持).
  linkPlants: { spiderRedirect: true },
  theme: { primary: '#8a1c1c', accent: '#fbeee6', banner: '#a4262c' },
  cms: 'query',
  listMarkup: 'div',
  homepage: 'navigation',
  homepageBlocks: [],
  columns: [
    { id: 'gzdt', name: '工作动态', kind: 'news', group: '新闻中心', state: 'fresh', count: 34, shown: { on: 'article-text' }, columnNameMeta: false },
    { id: 'tzgg', name: '通知公告', kind: 'notice', group: '新闻中心', state: 'fresh', count: 20, shown: { on: 'article-text' }, columnNameMeta: false },
    { id: 'zcwj', name: '政策文件', kind: 'policy', group: '政策法规', state: 'stale', count: 12, shown: { on: 'article-meta' }, columnNameMeta: false },
    { id: 'rsrm', name: '人事任免', kind: 'personnel', group: '信息公开', state: 'fresh', count: 8, shown: { on: 'article-text' }, columnNameMeta: false },
    { id: 'ghjh', name: '规划计划', kind: 'planning', group: '信息公开', state: 'blank', count: 0, shown: { on: 'none' }, columnNameMeta: false },
    { id: 'jyxx', name: '就业信息', kind: 'other', group: '就业创业', state: 'blank', count: 0, shown: { on: 'none' }, columnNameMeta: false },
    {
      id: 'sbjd',
      name: '社保政策解读',
      kind: 'other',
      group: '政策法规',
      state: 'blank',
      count: 0,
      shown: { on: 'none' },
      placeholder: '该栏目暂无信息',
      columnNameMeta: false,
    },
    {
      id: 'ldjc',
      name: '劳动监察',
      kind: 'other',
      group: '就业创业',
      state: 'blank',
      count: 0,
      shown: { on: 'none' },
      placeholder: null,
      columnNameMeta: false,
    },
    { id: 'zcjd', name: '政策解读', kind: 'other', group: '政策法规', state: 'blank', count: 0, shown: { on: 'none' }, columnNameMeta: false },
  ],
  disclosure: {
    level: 'department',
    missingGuideElements: ['办公时间', '联系电话', '传真号码'],
    missingArt20: [4, 7, 9, 10, 12, 13],
    annualReport: 'on-time',
    catalogueColumnId: null,
    missingInstitution: [],
    missingLeader: ['简历', '分工'],
    hasSystem: false,
  },
  mailbox: {
    name: '咨询投诉',
    placement: 'same-site',
    entryPath: '/hdjl/index.html',
    listPath: '/hdjl/zxts/list.html',
    pageSize: 12,
    listShowsReplyDate: true,
    receivedLabel: '提问时间',
    repliedLabel: '答复时间',
    detailFields: ['受理日期', '答复日期', '答复内容'],
    count: 40,
    spanDays: 400,
    replyDays: [3, 60],
    unansweredOver90: 0,
    repliedAfter90: 0,
    pending: 6,
    aroundHolidays: false,
  },
  nonConsultationLinks: [],
  services: {
    count: 8,
    missingEverywhere: [],
    missingSometimes: ['办理流程', '联系电话'],
    brokenAttachments: 0,
    online: 'dead',
    onlineBase: '@dead',
  },
  servicesPath: '/bsfw/index.html',
  elderlyMode: true,
  search: 'works',
  metaTags: { site: false, column: false, article: false },
  accessibility: { missingLang: false, imagesWithoutAlt: false, unlabeledSearch: true, lowContrastFooter: false },
  // A 任免 notice that publishes a person's ID number and mobile in full (beside a masked pair and a published
  // contact line, which are not leaks).
  textPlants: [
    {
      columnId: 'rsrm',
      paragraph:
        '拟任人员：王某某，身份证号33010219880715001X，联系手机13957101234；李某某，身份证号330102********0028，手机138****5678。咨询电话：13857109876。',
      expect: [
        { check: 'leak', kind: 'id-card', found: '33010219880715****' },
        { check: 'leak', kind: 'mobile', found: '139****1234' },
      ],
      // The list as a PDF attachment: another person's ID number, in full.
      attachment: {
        name: '拟任人员名单.pdf',
        text: 'No. 2  Zhao  ID 330102199202030028',
        expect: [{ check: 'leak', kind: 'id-card', found: '33010219920203****' }],
      },
    },
  ],
  plantedLinks: [],
  documentPlants: { validityMarks: 'bracket', websiteReport: 'on-time' },
  behaviour: { latencyMs: 0, robotsTxt: null, waf: false, encoding: 'utf-8', homepageRedirect: null },
};
