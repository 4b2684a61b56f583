import type { PortalProfile } from '../assemble.js';

/**
 * 青溪县人民政府 — an old county site: GBK encoding declared only in <meta http-equiv>, table layout, ASP
 * URLs (list.asp?classid=N&page=N, show.asp?id=N), a homepage reached through a redirect, a slow server.
 * Year-less dates (11-03) and [2026-11-03]; a copyright year range as decoy. Five stale columns (V3),
 * 县长信箱 with letters unanswered for more than three months (V6), an annual report published late,
 * guides missing four element classes with dead attachments, no search, no meta tags, and the full set
 * of planted accessibility defects and broken links.
 */
export const qxx: PortalProfile = {
  id: 'qxx',
  name: '青溪县人民政府',
  city: '青溪县',
  level: 'government',
  region: '江临市青溪县',
  siteIdCode: '3301270001',
  icp: '浙ICP备06023456号',
  police: '',
  theme: { primary: '#1f4e8c', accent: '#dfe8f5', banner: '#2b5ea8' },
  cms: 'legacy',
  listMarkup: 'table',
  homepage: 'blocks',
  homepageBlocks: [
    { columnId: 'xwdt', count: 8, format: 'md' },
    { columnId: 'tzgg', count: 8, format: 'md' },
    { columnId: 'zwgk', count: 6, format: 'bracket-md' },
  ],
  columns: [
    {
      id: 'xwdt',
      name: '新闻动态',
      kind: 'news',
      group: '新闻',
      state: 'stale',
      count: 25,
      shown: { on: 'list', format: 'bracket-iso' },
      pageSize: 20,
      decoyShare: 0.1,
    },
    { id: 'tzgg', name: '通知公告', kind: 'notice', group: '新闻', state: 'stale', count: 15, shown: { on: 'list', format: 'md' }, pageSize: 20 },
    { id: 'zcwj', name: '政策文件', kind: 'policy', group: '政务公开', state: 'stale', count: 10, shown: { on: 'list', format: 'iso' }, pageSize: 20 },
    { id: 'xzdt', name: '乡镇动态', kind: 'news', group: '新闻', state: 'stale', count: 20, shown: { on: 'list', format: 'iso' }, pageSize: 20 },
    { id: 'bmdt', name: '部门动态', kind: 'news', group: '新闻', state: 'stale', count: 16, shown: { on: 'list', format: 'iso' }, pageSize: 20 },
    { id: 'rsxx', name: '人事信息', kind: 'personnel', group: '政务公开', state: 'stale', count: 6, shown: { on: 'list', format: 'iso' }, pageSize: 20 },
    { id: 'zwgk', name: '政务公开', kind: 'other', group: '政务公开', state: 'fresh', count: 12, shown: { on: 'list', format: 'cn-padded' }, pageSize: 20 },
  ],
  disclosure: {
    level: 'government',
    missingGuideElements: ['编排体系', '办公时间', '传真号码', '互联网联系方式'],
    missingArt20: [3, 4, 6, 7, 8, 9, 10, 12, 13, 16, 17, 18, 19, 20],
    annualReport: 'late',
    missingReportHeadings: 2,
    catalogueColumnId: null,
    missingInstitution: ['主要职责'],
    missingLeader: ['照片', '简历'],
    hasSystem: false,
  },
  mailbox: {
    name: '县长信箱',
    placement: 'same-site',
    entryPath: '/hdjl/index.asp',
    listPath: '/hdjl/mail_list.asp',
    pageSize: 20,
    listShowsReplyDate: true,
    receivedLabel: '来信时间',
    repliedLabel: '回复时间',
    detailFields: ['受理日期', '答复日期', '答复内容'],
    count: 24,
    spanDays: 400,
    replyDays: [5, 40],
    unansweredOver90: 2,
    repliedAfter90: 0,
    pending: 0,
    aroundHolidays: true,
  },
  nonConsultationLinks: [{ text: '信访投诉', url: '@interaction/xf/index.html' }],
  services: {
    count: 4,
    missingEverywhere: ['设定依据', '办理地点', '办理时间', '办理流程'],
    missingSometimes: [],
    brokenAttachments: 4,
    online: 'none',
    onlineBase: '',
  },
  servicesPath: '/bsfw/index.asp',
  elderlyMode: false,
  search: 'absent',
  metaTags: { site: false, column: false, article: false },
  accessibility: {
    missingLang: true,
    imagesWithoutAlt: true,
    unlabeledSearch: true,
    lowContrastFooter: true,
    // An old fixed-width layout (1000 px), a notice bar of fixed pixel height on the homepage that cuts its text
    // off at 200 % text, article pages with no heading, skip link or main landmark, and a notice line on the
    // homepage that scrolls by itself with no way to stop it.
    pageDefects: { reflow: 'every page', 'text-zoom': 'homepage', bypass: 'article pages', 'moving-content': 'homepage' },
  },
  // A county portal reposting the city's news: a city leader under a title not his (林向东 is 市长 in the shipped
  // example dictionary), a 错别字, and a former leader named as such (原副市长赵志刚: not a finding).
  textPlants: [
    {
      columnId: 'xwdt',
      paragraph: '会上，副市长林向东对按装农村应急广播工作作出部署，原副市长赵志刚参加调研。',
      expect: [
        { check: 'wording', kind: 'leader-title', found: '副市长林向东' },
        { check: 'wording', kind: 'wrong-word', found: '按装' },
      ],
    },
  ],
  plantedLinks: [
    { url: '/zwgk/old_list.asp', text: '政务公开（旧）', kind: 'http-404', foundOn: 'homepage' },
    { url: '/cgi-bin/counter.asp', text: '访问量统计', kind: 'http-500', foundOn: 'homepage' },
    { url: '@dead/', text: '县公共资源交易中心', kind: 'refused', foundOn: 'homepage' },
    { url: '/images/logo_old.gif', text: '县徽', kind: 'http-404', foundOn: 'homepage', asImage: true },
    { url: '/download/2019/gzbg.doc', text: '附件：工作报告', kind: 'http-404', foundOn: 'article' },
  ],
  documentPlants: { validityMarks: 'line' },
  behaviour: { latencyMs: 350, robotsTxt: null, waf: false, encoding: 'gbk', homepageRedirect: '/index.asp' },
};
