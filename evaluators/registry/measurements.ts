import { failureLabel } from '../collect/failures.js';
import { describeUnread } from '../lib/unread.js';
import { policyDocumentsNotMeasured } from '../policy-documents.js';
import type { SiteMeasurements } from '../site-measurements.js';
import { websiteReportUndated } from '../website-report.js';

/** What a measurement's number means, for the loader's messages, docs and reports. */
export type MeasurementUnit = 'count' | 'ratio' | 'days' | 'working-days' | 'ms';

/**
 * One number an indicator set may score (`source: evaluator:<id>`). `read` takes it from a site's
 * measurements: null or undefined means "not measured" (the evaluator did not run or could not tell),
 * never zero. `formerly` lists ids older indicator-set files may still use.
 */
export interface MeasurementEntry {
  zh: string;
  unit: MeasurementUnit;
  read: (m: SiteMeasurements) => number | null | undefined;
  /**
   * Why `read` gives no number, when the evaluator knows: a page it rests on could not be read. The indicator
   * is then not measured with this reason, whatever its rule does with a missing value (a veto, zero points).
   */
  notMeasured?: (m: SiteMeasurements) => string | null | undefined;
  /**
   * When `read` gives no number for that reason, what is known all the same: the value is at least this
   * (pages that could not be read can only add to a count). A rule the bound already settles is scored on it.
   */
  atLeast?: (m: SiteMeasurements) => number | null | undefined;
  formerly?: readonly string[];
}

const unreadFor = (part: 'updateFrequency' | 'disclosure' | 'mailbox' | 'services') => (m: SiteMeasurements) => describeUnread(m[part]?.unread);

/** A site with no row in the new-media register, or a run without one: not measured (null), never "no account". */
const noRegister = (m: SiteMeasurements) => (m.newMedia ? null : '未登记政务新媒体账号（本次评估未提供登记表，或登记表中没有本网站的账号）');

/** No policy document (or no 解读) page read: D9 (or D25) not measured, never "none marked". */
const noPolicyDocument = (m: SiteMeasurements) => policyDocumentsNotMeasured(m.policyDocuments ?? null, 'documents');
const noInterpretation = (m: SiteMeasurements) => policyDocumentsNotMeasured(m.policyDocuments ?? null, 'interpretations');

/**
 * Every measurement indicator sets can name. Adding one is one entry here (the compiler checks `read`
 * against the evaluator's declared output); the indicator loader accepts exactly these ids.
 */
export const measurementRegistry = {
  'availability.failureRatio': { zh: '首页可用性探测失败的比例', unit: 'ratio', read: (m) => m.availability?.failureRatio },
  'availability.failures': { zh: '首页可用性探测失败的次数', unit: 'count', read: (m) => m.availability?.failures },
  'responsiveness.medianMs': { zh: '首页响应时间的中位数（毫秒）', unit: 'ms', read: (m) => m.responsiveness?.medianMs },
  'responsiveness.p90Ms': { zh: '首页响应时间的90%分位（毫秒）', unit: 'ms', read: (m) => m.responsiveness?.p90Ms },

  'updateFrequency.staleKeyColumns': {
    zh: '超过更新期限的动态要闻、通知公告、政策文件类栏目数（2周/6个月）',
    unit: 'count',
    read: (m) => m.updateFrequency?.staleKeyColumns,
    formerly: ['updateFrequency.staleV3'],
  },
  'updateFrequency.staleOtherColumns': {
    zh: '超过更新期限（1年）的其他应更新栏目数',
    unit: 'count',
    read: (m) => m.updateFrequency?.staleOtherColumns,
    formerly: ['updateFrequency.staleV4'],
  },
  'updateFrequency.blank': { zh: '空白栏目数', unit: 'count', read: (m) => m.updateFrequency?.blank },
  'updateFrequency.homepage.ageDays': {
    zh: '首页（或导航页的二级页面）最新信息距评估日的天数',
    unit: 'days',
    read: (m) => m.updateFrequency?.homepage.ageDays,
    notMeasured: unreadFor('updateFrequency'),
  },
  'updateFrequency.newsItemsInWindow': {
    zh: '近14天要闻/动态类栏目发布的信息条数',
    unit: 'count',
    read: (m) => m.updateFrequency?.newsItemsInWindow,
    notMeasured: unreadFor('updateFrequency'),
    atLeast: (m) => m.updateFrequency?.newsItemsAtLeast,
  },

  'links.brokenOnHomepage': { zh: '首页不可用链接数', unit: 'count', read: (m) => m.links?.brokenOnHomepage },
  'links.brokenElsewhere': { zh: '其他页面不可用链接数', unit: 'count', read: (m) => m.links?.brokenElsewhere },

  'disclosure.counts.missingItems': {
    zh: '缺失的法定主动公开内容项数',
    unit: 'count',
    read: (m) => m.disclosure?.counts.missingItems,
    notMeasured: unreadFor('disclosure'),
  },
  'disclosure.counts.guideMissing': {
    zh: '政府信息公开指南缺失的要素数',
    unit: 'count',
    read: (m) => m.disclosure?.counts.guideMissing,
    notMeasured: unreadFor('disclosure'),
  },
  'disclosure.counts.institutionLeaderMissing': {
    zh: '机构职能/负责人信息缺失项数',
    unit: 'count',
    read: (m) => m.disclosure?.counts.institutionLeaderMissing,
    notMeasured: unreadFor('disclosure'),
  },
  'disclosure.counts.reportMissing': {
    zh: '未发布的政府信息公开工作年度报告数',
    unit: 'count',
    read: (m) => m.disclosure?.counts.reportMissing,
    notMeasured: unreadFor('disclosure'),
  },
  'disclosure.counts.reportLate': {
    zh: '逾期发布的年度报告数',
    unit: 'count',
    read: (m) => m.disclosure?.counts.reportLate,
    notMeasured: unreadFor('disclosure'),
  },
  'disclosure.counts.reportMissingHeadings': {
    zh: '年度报告缺失的规定章节数',
    unit: 'count',
    read: (m) => m.disclosure?.counts.reportMissingHeadings,
    notMeasured: unreadFor('disclosure'),
  },
  'disclosure.coverage': { zh: '法定主动公开内容的覆盖率', unit: 'ratio', read: (m) => m.disclosure?.coverage, notMeasured: unreadFor('disclosure') },

  'mailbox.counts.noChannelOrOverdue': {
    zh: '未提供互动交流渠道（计 1），或超过3个月未回应的留言数',
    unit: 'count',
    read: (m) => m.mailbox?.counts.noChannelOrOverdue,
    notMeasured: unreadFor('mailbox'),
    formerly: ['mailbox.counts.v6Problems'],
  },
  'mailbox.counts.noChannel': {
    zh: '未找到互动交流渠道（1 = 未找到）',
    unit: 'count',
    read: (m) => m.mailbox?.counts.noChannel,
    notMeasured: unreadFor('mailbox'),
  },
  'mailbox.counts.unrepliedRate': { zh: '未答复留言的比例', unit: 'ratio', read: (m) => m.mailbox?.counts.unrepliedRate, notMeasured: unreadFor('mailbox') },
  'mailbox.counts.slowReplies': { zh: '答复超过期限的留言数', unit: 'count', read: (m) => m.mailbox?.counts.slowReplies, notMeasured: unreadFor('mailbox') },
  'mailbox.counts.fieldsMissing': {
    zh: '留言答复未公开的要素数',
    unit: 'count',
    read: (m) => m.mailbox?.counts.fieldsMissing,
    notMeasured: unreadFor('mailbox'),
  },
  'mailbox.replyRate': { zh: '留言答复率', unit: 'ratio', read: (m) => m.mailbox?.replyRate, notMeasured: unreadFor('mailbox') },
  'mailbox.medianReplyWorkingDays': {
    zh: '留言答复用时的中位数',
    unit: 'working-days',
    read: (m) => m.mailbox?.medianReplyWorkingDays,
    notMeasured: unreadFor('mailbox'),
  },
  'mailbox.unansweredOver90Days': {
    zh: '超过90天未答复的留言数',
    unit: 'count',
    read: (m) => m.mailbox?.unansweredOver90Days,
    notMeasured: unreadFor('mailbox'),
  },

  'services.counts.notFound': {
    zh: '未找到办事服务入口或办事指南（1 = 未找到）',
    unit: 'count',
    read: (m) => m.services?.counts.notFound,
    notMeasured: unreadFor('services'),
  },
  'services.counts.missingClasses': {
    zh: '办事指南缺失的要素类数',
    unit: 'count',
    read: (m) => m.services?.counts.missingClasses,
    notMeasured: unreadFor('services'),
  },
  'services.counts.brokenAttachments': {
    zh: '办事指南中不可下载的附件数',
    unit: 'count',
    read: (m) => m.services?.counts.brokenAttachments,
    notMeasured: unreadFor('services'),
  },
  'services.counts.unreachableOnline': {
    zh: '不可用的在线办理入口数',
    unit: 'count',
    read: (m) => m.services?.counts.unreachableOnline,
    notMeasured: unreadFor('services'),
  },

  'identity.counts.searchAbsent': { zh: '未提供站内搜索（1 = 未提供）', unit: 'count', read: (m) => m.identity?.counts.searchAbsent },
  'identity.counts.searchBroken': {
    zh: '站内搜索不可用（1 = 不可用）',
    unit: 'count',
    read: (m) => m.identity?.counts.searchBroken,
    notMeasured: (m) => (m.identity?.searchError ? `站内搜索未能完成（${failureLabel(m.identity.searchError)}）` : null),
  },
  'identity.counts.identityMissing': {
    zh: '缺失的网站标识项数（网站标识码：首页、栏目页、文章页；网页元数据）',
    unit: 'count',
    read: (m) => m.identity?.counts.identityMissing,
  },
  'identity.counts.elderlyMissing': {
    zh: '未提供适老化/无障碍服务（1 = 未提供）',
    unit: 'count',
    read: (m) => m.identity?.counts.elderlyMissing,
    notMeasured: (m) => (m.identity?.elderlyError ? `首页未能再次打开以查找无障碍/长者模式入口（${failureLabel(m.identity.elderlyError)}）` : null),
  },
  'identity.counts.assistItemsMissing': {
    zh: '无障碍/长者模式中缺少或不起作用的适老化项数（文字放大、高对比、特大鼠标、语音阅读、无弹窗）',
    unit: 'count',
    read: (m) => m.identity?.counts.assistItemsMissing,
  },
  'identity.counts.mobileProblems': {
    zh: '移动端适配问题数',
    unit: 'count',
    read: (m) => m.identity?.counts.mobileProblems,
    notMeasured: (m) => (m.identity?.mobileError ? `手机屏幕宽度下的首页未能打开（${failureLabel(m.identity.mobileError)}）` : null),
  },
  'identity.counts.notHttps': { zh: '未使用HTTPS（1 = 未使用）', unit: 'count', read: (m) => m.identity?.counts.notHttps },
  'websiteReport.counts.missing': {
    zh: '未找到上一年度政府网站工作年度报表（1 = 未找到）',
    unit: 'count',
    read: (m) => m.websiteReport?.counts.missing,
  },
  'websiteReport.counts.late': {
    zh: '上一年度政府网站工作年度报表晚于1月31日发布（1 = 逾期）',
    unit: 'count',
    read: (m) => m.websiteReport?.counts.late,
    notMeasured: (m) => websiteReportUndated(m.websiteReport ?? null),
  },
  'policyDocuments.counts.marked': {
    zh: '读取的政策文件中标注了有效性（有效、失效、废止、已修订、有效期）的份数',
    unit: 'count',
    read: (m) => m.policyDocuments?.counts.marked,
    notMeasured: noPolicyDocument,
  },
  'policyDocuments.markedShare': {
    zh: '读取的政策文件中标注了有效性的比例',
    unit: 'ratio',
    read: (m) => m.policyDocuments?.markedShare,
    notMeasured: noPolicyDocument,
  },
  'policyDocuments.counts.interpretationProblems': {
    zh: '未与原文双向链接或晚于规定工作日发布的政策解读数',
    unit: 'count',
    read: (m) => m.policyDocuments?.counts.interpretationProblems,
    notMeasured: noInterpretation,
  },
  'ipv6.readyShare': {
    zh: 'IPv6就绪程度：无IPv6地址或首页通过IPv6不可用、与IPv4不同为0，否则为首页及抽查的一二级页面中可通过IPv6访问的比例',
    unit: 'ratio',
    read: (m) => m.ipv6?.readyShare,
    notMeasured: (m) => m.ipv6?.notMeasured,
  },
  'identity.counts.furnitureMissing': {
    zh: '首页、栏目页、文章页缺少的党政机关标识、ICP备案、公安备案项数（各页面类型分别计）',
    unit: 'count',
    read: (m) => m.identity?.counts.furnitureMissing,
  },
  'identity.counts.domainProblems': {
    zh: '域名不符合规范（1 = 不在 .gov.cn 或门户网站域名下）',
    unit: 'count',
    read: (m) => m.identity?.counts.domainProblems,
  },

  'linkSafety.counts.suspicious': {
    zh: '疑似暗链、违法站点链接与按访问者跳转的劫持数',
    unit: 'count',
    read: (m) => m.linkSafety?.counts.suspicious,
  },
  'linkSafety.counts.commercial': { zh: '商业链接与广告联盟脚本数', unit: 'count', read: (m) => m.linkSafety?.counts.commercial },

  // 政务新媒体 (evaluators/new-media.ts): from the office's register of accounts, not from the crawl.
  'newMedia.accounts': { zh: '登记的政务新媒体账号数', unit: 'count', read: (m) => m.newMedia?.accounts.length, notMeasured: noRegister },
  'newMedia.staleAccounts': {
    zh: '超过两周（14天）未更新的政务新媒体账号数（按登记表的最后发布日期）',
    unit: 'count',
    read: (m) => m.newMedia?.staleAccounts,
    notMeasured: (m) => noRegister(m) ?? '登记的账号均未填写可用的最后发布日期',
  },
  'newMedia.freshShare': {
    zh: '两周内有更新的政务新媒体账号占已测量账号的比例',
    unit: 'ratio',
    read: (m) => m.newMedia?.freshShare,
    notMeasured: (m) => noRegister(m) ?? '登记的账号均未填写可用的最后发布日期',
  },
  'newMedia.duplicatePlatforms': {
    zh: '开设了多个账号的平台数（多头开设）',
    unit: 'count',
    read: (m) => m.newMedia?.duplicatePlatforms,
    notMeasured: noRegister,
  },
  'newMedia.noInteraction': {
    zh: '未提供互动功能的政务新媒体账号数',
    unit: 'count',
    read: (m) => m.newMedia?.noInteraction,
    notMeasured: (m) => noRegister(m) ?? '登记表未填写是否提供互动功能',
  },
  'newMedia.unansweredMessages': {
    zh: '政务新媒体账号未回复的留言数',
    unit: 'count',
    read: (m) => m.newMedia?.unansweredMessages,
    notMeasured: (m) => noRegister(m) ?? '登记表未填写留言未回复数',
  },

  'accessibility.seriousRules': { zh: '违反的严重/较重无障碍规则数（WCAG 2.0/2.1 A/AA级）', unit: 'count', read: (m) => m.accessibility?.seriousRules },
  'accessibility.failingRules': { zh: '违反的无障碍规则数（WCAG 2.0/2.1 A/AA级，任何影响程度）', unit: 'count', read: (m) => m.accessibility?.failingRules },
  'accessibility.failedCriteria': { zh: '未满足的WCAG 2.0/2.1 A/AA级成功准则数', unit: 'count', read: (m) => m.accessibility?.failedCriteria },
  'accessibility.seriousRulesAnyLevel': {
    zh: '违反的严重/较重无障碍规则数（任何级别，含AAA级、WCAG 2.2与最佳实践）',
    unit: 'count',
    read: (m) => m.accessibility?.seriousRulesAnyLevel,
  },
  'accessibility.failingRulesAnyLevel': {
    zh: '违反的无障碍规则数（任何级别、任何影响程度）',
    unit: 'count',
    read: (m) => m.accessibility?.failingRulesAnyLevel,
  },
  'accessibility.wcag22Rules': { zh: '违反的WCAG 2.2新增A/AA级规则数', unit: 'count', read: (m) => m.accessibility?.wcag22Rules },
  'accessibility.wcagAAACriteria': { zh: '未满足的WCAG AAA级成功准则数', unit: 'count', read: (m) => m.accessibility?.wcagAAACriteria },
  'accessibility.bestPracticeRules': { zh: '违反的无障碍最佳实践规则数（不属于WCAG成功准则）', unit: 'count', read: (m) => m.accessibility?.bestPracticeRules },

  // The in-browser page checks (evaluators/page-checks.ts): what axe-core does not check.
  'pageChecks.failingChecks': {
    zh: '浏览器检查发现的A/AA级无障碍问题类别数（键盘、焦点、重排、标题、跳过导航、表单分组）',
    unit: 'count',
    read: (m) => m.pageChecks?.failingChecks,
  },
  'pageChecks.failingCriteria': { zh: '浏览器检查未满足的WCAG成功准则数（A/AA级）', unit: 'count', read: (m) => m.pageChecks?.failingCriteria },
  'pageChecks.pagesWithFailures': { zh: '浏览器检查发现A/AA级无障碍问题的页面数', unit: 'count', read: (m) => m.pageChecks?.pagesWithFailures },

  // The text checks (evaluators/text-checks.ts): what they flag is suspected, a reviewer decides.
  'textChecks.flagged': { zh: '疑似错敏信息与个人信息泄露的处数（待人工确认）', unit: 'count', read: (m) => m.textChecks?.flagged },
  'textChecks.wordingFlags': { zh: '疑似错敏信息的处数（词典匹配，待人工确认）', unit: 'count', read: (m) => m.textChecks?.wordingFlags },
  'textChecks.leakFlags': { zh: '疑似泄露的身份证号、手机号码、银行卡号个数（待人工确认）', unit: 'count', read: (m) => m.textChecks?.leakFlags },

  'reporting.submitted': { zh: '报送信息条数', unit: 'count', read: (m) => m.reporting?.submitted },
  'reporting.adoptedTotal': { zh: '各级采用次数合计', unit: 'count', read: (m) => m.reporting?.adoptedTotal },
  'reporting.instructions': { zh: '获领导批示次数', unit: 'count', read: (m) => m.reporting?.instructions },
  'reporting.adoptionRate': { zh: '采用率（采用次数 ÷ 报送条数）', unit: 'ratio', read: (m) => m.reporting?.adoptionRate },
  'reporting.quotaAttainment': { zh: '报送任务完成率', unit: 'ratio', read: (m) => m.reporting?.quotaAttainment },
} as const satisfies Record<string, MeasurementEntry>;

export type MeasurementId = keyof typeof measurementRegistry;

const byFormerId = new Map<string, MeasurementId>(
  (Object.entries(measurementRegistry) as Array<[MeasurementId, MeasurementEntry]>).flatMap(([id, entry]) =>
    (entry.formerly ?? []).map((old) => [old, id] as const),
  ),
);

/** The registry id a set's `evaluator:<id>` names (an old id maps to its current one), or null when unknown. */
export function measurementId(id: string): MeasurementId | null {
  if (Object.hasOwn(measurementRegistry, id)) return id as MeasurementId;
  return byFormerId.get(id) ?? null;
}

export function measurementEntry(id: MeasurementId): MeasurementEntry {
  return measurementRegistry[id];
}
