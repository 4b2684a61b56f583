/** A finding as indicators cite it: what is wrong, where, and the text that shows it. */
export interface EvaluatorFinding {
  /**
   * What the finding is about, the same from run to run while the problem is the same (evaluators/lib/finding-subject.ts):
   * `column://host/path`, `link://host/file.pdf`, `axe:color-contrast`, `disclosure-item:7`. With the site and the
   * indicator it makes the finding's key, by which runs are compared. Findings about one thing share it.
   */
  subject: string;
  message: string;
  url: string | null;
  evidence: string | null;
  screenshot?: string | null;
}

/**
 * The groups of findings an indicator lists as its evidence (`findings: <group>` in a set). The
 * evaluators' finding builders return `FindingsByGroup`, so a group they fill and a group a set may name
 * are the same typed key; the indicator loader accepts exactly these.
 */
export const findingGroups = {
  'availability.failures': '首页可用性探测失败（时间、原因）',
  'responsiveness.timing': '首页响应时间（中位数、90%分位与最慢的几次）',
  'updateFrequency.staleKeyColumns': '超过更新期限的动态要闻、通知公告、政策文件类栏目',
  'updateFrequency.staleOtherColumns': '超过更新期限的其他栏目',
  'updateFrequency.blank': '空白栏目',
  'updateFrequency.homepage': '首页最新信息的日期',
  'updateFrequency.newsVolume': '近14天要闻/动态类栏目的信息量',
  'links.homepage': '首页不可用链接',
  'links.elsewhere': '其他页面不可用链接',
  'disclosure.items': '缺失的法定主动公开内容',
  'disclosure.guide': '政府信息公开指南缺失的要素',
  'disclosure.institution': '机构职能/负责人信息缺失项',
  'disclosure.annualReport': '年度报告问题（缺失、逾期、章节不全）',
  'mailbox.noChannelOrOverdue': '未提供互动交流渠道，或超过3个月未回应的留言',
  'mailbox.replyRate': '留言答复情况',
  'mailbox.latency': '答复超过期限的留言',
  'mailbox.fields': '留言答复未公开的要素',
  'services.missing': '办事服务入口或办事指南未找到',
  'services.elements': '办事指南缺失的要素',
  'services.attachments': '不可下载的办事附件',
  'services.online': '不可用的在线办理入口',
  'identity.search': '站内搜索问题',
  'identity.meta': '网站标识与网页元数据问题',
  'identity.elderly': '适老化/无障碍服务问题',
  'identity.assist': '无障碍/长者模式各适老化项的检测结果',
  'identity.mobile': '移动端适配问题',
  'identity.https': '未使用HTTPS',
  'identity.furniture': '首页、栏目页、文章页缺少的党政机关标识、ICP备案、公安备案（或未链接至备案系统）',
  'identity.domain': '网站域名不符合域名规范（.gov.cn、门户网站下级域名）',
  // Hidden and commercial links (evaluators/link-safety.ts).
  'linkSafety.suspicious': '疑似暗链、违法站点链接、按访问者跳转的劫持（供否决项人工复核）',
  'linkSafety.commercial': '商业链接与广告联盟脚本',
  'accessibility.rules': '违反的严重/较重无障碍规则',
  'accessibility.criteria': '未满足的WCAG 2.0/2.1 A/AA级成功准则（每条准则及违反它的规则）',
  'accessibility.bestPractices': '违反的无障碍最佳实践规则（不属于WCAG成功准则）',
  'accessibility.allRules': '违反的全部无障碍规则（任何级别、任何影响程度）',

  // The in-browser page checks (evaluators/page-checks.ts).
  'pageChecks.failures': '浏览器检查发现的无障碍问题（键盘、焦点、重排、标题、跳过导航、表单分组）',
  'reporting.summary': '信息报送与采用情况',
  // Reports and documents on time (evaluators/website-report.ts, policy-documents.ts).
  'websiteReport.report': '政府网站工作年度报表（是否发布、是否于1月31日前发布）',
  'policyDocuments.validity': '政策文件有效性标注情况（已标注的比例、未标注的文件）',
  'policyDocuments.interpretations': '政策解读与原文未双向链接或未按时发布',
  'newMedia.stale': '超过两周未更新的政务新媒体账号（平台、账号、最后发布日期、天数）',
  'newMedia.accounts': '登记的政务新媒体账号及其更新情况',
  'newMedia.duplicates': '同一平台开设多个账号（多头开设）',
  'newMedia.noInteraction': '未提供互动功能的政务新媒体账号',
  'newMedia.unanswered': '有留言未回复的政务新媒体账号',
  'ipv6.readiness': 'IPv6支持情况（域名的IPv6地址、首页与一二级页面通过IPv6的访问）',

  // The text checks (evaluators/text-checks.ts): suspected only, a reviewer decides.
  'textChecks.wording': '疑似错敏信息（错别字、不规范表述、敏感词、领导职务）及其原文',
  'textChecks.leaks': '疑似泄露的个人信息（身份证号、手机号码、银行卡号，已遮盖）及其所在页面',
  'textChecks.flagged': '疑似错敏信息与个人信息泄露（待人工确认）',
} as const;

export type FindingGroup = keyof typeof findingGroups;

/** Findings by group; a group an evaluator did not fill (it did not run) is absent. */
export type FindingsByGroup = Partial<Record<FindingGroup, EvaluatorFinding[]>>;

const formerGroups: Readonly<Record<string, FindingGroup>> = {
  'updateFrequency.staleV3': 'updateFrequency.staleKeyColumns',
  'updateFrequency.staleV4': 'updateFrequency.staleOtherColumns',
  'mailbox.v6': 'mailbox.noChannelOrOverdue',
};

/** The group a set's `findings:` names (an old name maps to its current one), or null when unknown. */
export function findingGroup(name: string): FindingGroup | null {
  if (Object.hasOwn(findingGroups, name)) return name as FindingGroup;
  return Object.hasOwn(formerGroups, name) ? formerGroups[name]! : null;
}
