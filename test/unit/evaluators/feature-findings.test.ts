import { describe, expect, it } from 'vitest';

import type { AccessibilityMeasurement, AccessibilityViolation } from '../../../evaluators/accessibility.js';
import type { DisclosureMeasurement } from '../../../evaluators/disclosure.js';
import { featureFindings } from '../../../evaluators/feature-findings.js';
import type { IdentityMeasurement } from '../../../evaluators/identity.js';
import type { MailboxMeasurement } from '../../../evaluators/mailbox.js';
import type { ServicesMeasurement } from '../../../evaluators/services.js';

const host = 'https://www.example.gov.cn';
const none = { disclosure: null, mailbox: null, services: null, identity: null, accessibility: null };

function disclosure(o: Partial<DisclosureMeasurement> = {}): DisclosureMeasurement {
  return {
    found: true,
    url: `${host}/zwgk/`,
    items: [
      { id: 1, name: '行政法规、规章和规范性文件', found: true, url: `${host}/zwgk/1/`, label: '政策文件', matchedBy: null },
      { id: 9, name: '政府集中采购', found: false, url: null, label: null, matchedBy: null },
      { id: 12, name: '突发公共事件应急预案', found: false, url: null, label: null, matchedBy: null },
    ],
    applicable: 3,
    present: 1,
    coverage: 1 / 3,
    guide: { url: `${host}/zwgk/zn/`, present: ['公开方式', '受理机构'], missing: [] },
    systemUrl: null,
    catalogueUrl: null,
    institution: { url: `${host}/zwgk/jgzn/`, present: ['机构职能'], missing: [] },
    leaders: { url: `${host}/zwgk/ld/`, present: ['姓名'], missing: [] },
    annualReport: {
      year: 2025,
      deadline: '2026-01-31',
      found: true,
      url: `${host}/zwgk/nb/2025.html`,
      publishedOn: '2026-01-20',
      publishedFrom: 'page',
      onTime: true,
      headings: [],
      missingHeadings: [],
    },
    counts: { missingItems: 2, guideMissing: 0, institutionLeaderMissing: 0, reportMissing: 0, reportLate: 0, reportMissingHeadings: 0 },
    unread: [],
    ...o,
  };
}

function mailbox(o: Partial<MailboxMeasurement> = {}): MailboxMeasurement {
  return {
    channel: true,
    channels: ['局长信箱'],
    notConsultation: [],
    url: `${host}/hd/`,
    letters: 0,
    replied: 0,
    replyRate: null,
    unansweredOver90Days: 0,
    unanswered: [],
    awaiting: [],
    medianReplyWorkingDays: null,
    p90ReplyWorkingDays: null,
    latencies: [],
    fieldsShown: [],
    fieldsMissing: [],
    outsideCalendar: 0,
    counts: { noChannelOrOverdue: 0, noChannel: 0, unrepliedRate: null, slowReplies: 0, fieldsMissing: 0 },
    unread: [],
    ...o,
  };
}

function services(o: Partial<ServicesMeasurement> = {}): ServicesMeasurement {
  return {
    found: true,
    url: `${host}/bs/`,
    guidesListed: 3,
    guides: [],
    missingClasses: [],
    attachments: 0,
    brokenAttachments: [],
    onlineLinks: 0,
    unreachableOnline: [],
    counts: { notFound: 0, missingClasses: 0, brokenAttachments: 0, unreachableOnline: 0 },
    unread: [],
    ...o,
  };
}

function identity(o: Partial<IdentityMeasurement> = {}): IdentityMeasurement {
  return {
    siteIdCode: '3701000001',
    footerShowsIdCode: true,
    siteIdCodeMeta: '3701000001',
    siteIdCodeValid: true,
    icp: null,
    police: null,
    meta: { site: true, column: true, article: true },
    missingMeta: [],
    missingMetaOn: [],
    columnNameMetaOn: 1,
    columns: 1,
    search: 'works',
    searchQuery: '关于开展安全检查的通知',
    searchUrl: `${host}/search`,
    searchError: null,
    elderlyMode: true,
    elderlyError: null,
    elderlyToolbar: true,
    assist: null,
    viewportMeta: true,
    horizontalScroll: false,
    mobileError: null,
    https: true,
    furniture: null,
    domain: null,
    counts: {
      searchAbsent: 0,
      searchBroken: 0,
      identityMissing: 0,
      furnitureMissing: null,
      domainProblems: null,
      elderlyMissing: 0,
      assistItemsMissing: null,
      mobileProblems: 0,
      notHttps: 0,
    },
    ...o,
  };
}

function violation(o: Partial<AccessibilityViolation>): AccessibilityViolation {
  return {
    rule: 'image-alt',
    impact: 'critical',
    wcag: ['1.1.1'],
    level: 'A',
    wcag21AA: true,
    help: '图片须有替代文本',
    pages: 2,
    nodes: 7,
    urls: [`${host}/`],
    examples: [],
    ...o,
  };
}

function accessibility(violations: AccessibilityViolation[]): AccessibilityMeasurement {
  return {
    pagesScanned: 5,
    pagesUnfinished: 0,
    unfinishedUrls: [],
    violations,
    seriousRules: 0,
    failingRules: violations.length,
    failedCriteria: 0,
    seriousRulesAnyLevel: 0,
    failingRulesAnyLevel: violations.length,
    wcag22Rules: 0,
    wcagAAACriteria: 0,
    bestPracticeRules: 0,
    lighthouse: [],
  };
}

describe('featureFindings', () => {
  it('gives no group at all for what was not measured (null)', () => {
    expect(featureFindings(none)).toEqual({});
  });
});

describe('featureFindings: disclosure', () => {
  const f = (d: DisclosureMeasurement) => featureFindings({ ...none, disclosure: d });

  it('names each statutory item missing, with how many were found', () => {
    expect(f(disclosure())['disclosure.items']).toEqual([
      { subject: 'disclosure-item:9', message: '法定主动公开内容缺少第9项：政府集中采购', url: `${host}/zwgk/`, evidence: '已找到 1/3 项' },
      { subject: 'disclosure-item:12', message: '法定主动公开内容缺少第12项：突发公共事件应急预案', url: `${host}/zwgk/`, evidence: '已找到 1/3 项' },
    ]);
  });

  it('says once that the section was not found, instead of listing every item', () => {
    expect(f(disclosure({ found: false, url: null }))['disclosure.items']).toEqual([
      { subject: 'disclosure-section', message: '未找到政府信息公开专栏', url: null, evidence: '首页未发现“政府信息公开/政务公开”入口' },
    ]);
  });

  it('names what the guide lacks, or that there is no guide (pointing at the section)', () => {
    const partial = f(disclosure({ guide: { url: `${host}/zwgk/zn/`, present: ['公开方式'], missing: ['受理机构', '收费标准'] } }));
    expect(partial['disclosure.guide']).toEqual([
      { subject: 'disclosure-guide', message: '政府信息公开指南缺少：受理机构、收费标准', url: `${host}/zwgk/zn/`, evidence: '已具备：公开方式' },
    ]);
    const absent = f(disclosure({ guide: { url: null, present: [], missing: ['公开方式'] } }));
    expect(absent['disclosure.guide']).toEqual([{ subject: 'disclosure-guide', message: '未找到政府信息公开指南', url: `${host}/zwgk/`, evidence: null }]);
    expect(f(disclosure())['disclosure.guide']).toEqual([]);
  });

  it('gives institution and leaders one finding each', () => {
    const d = disclosure({
      institution: { url: null, present: [], missing: ['机构职能'] },
      leaders: { url: `${host}/ld/`, present: [], missing: ['简历', '分工'] },
    });
    expect(f(d)['disclosure.institution']).toEqual([
      { subject: 'institution', message: '未找到机构职能信息', url: `${host}/zwgk/`, evidence: null },
      { subject: 'leaders', message: '领导信息缺少：简历、分工', url: `${host}/ld/`, evidence: null },
    ]);
    expect(f(disclosure())['disclosure.institution']).toEqual([]);
  });

  it('says a missing annual report and its deadline', () => {
    const d = disclosure();
    const missing = { ...d.annualReport, found: false, url: null, publishedOn: null, onTime: false };
    expect(f({ ...d, annualReport: missing })['disclosure.annualReport']).toEqual([
      { subject: 'annual-report:2025:missing', message: '未找到2025年政府信息公开工作年度报告', url: `${host}/zwgk/`, evidence: '应于 2026-01-31 前发布' },
    ]);
  });

  it('says a late report (or an undated one) and its missing parts, and nothing for one on time and complete', () => {
    const d = disclosure();
    const late = { ...d.annualReport, publishedOn: null, onTime: false, missingHeadings: ['收到和处理政府信息公开申请情况'] };
    expect(f({ ...d, annualReport: late })['disclosure.annualReport']).toEqual([
      {
        subject: 'annual-report:2025:late',
        message: '2025年年报发布逾期',
        url: `${host}/zwgk/nb/2025.html`,
        evidence: '发布日期 未注明，应于 2026-01-31 前发布',
      },
      {
        subject: 'annual-report:2025:headings',
        message: '2025年年报缺少部分：收到和处理政府信息公开申请情况',
        url: `${host}/zwgk/nb/2025.html`,
        evidence: null,
      },
    ]);
    expect(f(d)['disclosure.annualReport']).toEqual([]);
  });
});

describe('featureFindings: mailbox', () => {
  const f = (m: MailboxMeasurement) => featureFindings({ ...none, mailbox: m });

  it('says there is no consultation channel and which petition links were found instead', () => {
    expect(f(mailbox({ channel: false, notConsultation: ['信访事项', '违纪违法举报'] }))['mailbox.noChannelOrOverdue']).toEqual([
      {
        subject: 'no-consultation-channel',
        message: '未提供网上有效咨询建言渠道',
        url: null,
        evidence: '仅发现：信访事项、违纪违法举报（信访、纪检举报渠道不属于咨询建言渠道）',
      },
    ]);
    expect(f(mailbox({ channel: false }))['mailbox.noChannelOrOverdue']![0]!.evidence).toBe('首页及互动交流页面未发现领导信箱、咨询投诉、网上留言等渠道');
  });

  it('names every letter unanswered over 3 months with its date and age', () => {
    const unanswered = [{ title: '关于小区停车的建议', url: `${host}/hd/1.html`, received: '2026-08-22', days: 91 }];
    expect(f(mailbox({ unanswered }))['mailbox.noChannelOrOverdue']).toEqual([
      {
        subject: 'letter://www.example.gov.cn/hd/1.html',
        message: '留言超过3个月未回应：关于小区停车的建议',
        url: `${host}/hd/1.html`,
        evidence: '来信日期 2026-08-22，至评估日已 91 天',
      },
    ]);
  });

  it('gives the reply rate as a percentage with one decimal below 100%, nothing at 100% or when not measured', () => {
    // 2 of 3 → 0.667 → 66.7%.
    expect(f(mailbox({ letters: 3, replied: 2, replyRate: 0.667 }))['mailbox.replyRate']).toEqual([
      { subject: 'reply-rate', message: '近一年答复率 66.7%', url: `${host}/hd/`, evidence: '来信 3 件，已答复 2 件' },
    ]);
    expect(f(mailbox({ letters: 3, replied: 0, replyRate: 0 }))['mailbox.replyRate']![0]!.message).toBe('近一年答复率 0.0%');
    expect(f(mailbox({ letters: 3, replied: 3, replyRate: 1 }))['mailbox.replyRate']).toEqual([]);
    expect(f(mailbox({ replyRate: null }))['mailbox.replyRate']).toEqual([]);
  });

  it('lists at most the 20 slowest replies, in the order given (slowest first)', () => {
    const latencies = Array.from({ length: 25 }, (_, i) => ({
      title: `来信${i}`,
      url: null,
      received: '2026-10-08',
      replied: '2026-11-05',
      workingDays: 30 - i,
    }));
    const found = f(mailbox({ latencies }))['mailbox.latency']!;
    expect(found).toHaveLength(20);
    expect(found[0]).toEqual({
      subject: 'letter:来信0:2026-10-08',
      message: '答复用时 30 个工作日：来信0',
      url: null,
      evidence: '来信 2026-10-08，答复 2026-11-05',
    });
    expect(found[19]!.message).toBe('答复用时 11 个工作日：来信19');
  });

  it('names the undisclosed reply fields only when some letter was answered', () => {
    const m = mailbox({ fieldsMissing: ['答复部门', '答复内容'], fieldsShown: [] });
    expect(f({ ...m, replied: 2 })['mailbox.fields']).toEqual([
      { subject: 'reply-fields', message: '答复信息未公开：答复部门、答复内容', url: `${host}/hd/`, evidence: '已公开：无' },
    ]);
    expect(f({ ...m, fieldsShown: ['受理日期'], replied: 1 })['mailbox.fields']![0]!.evidence).toBe('已公开：受理日期');
    expect(f({ ...m, replied: 0 })['mailbox.fields']).toEqual([]);
  });
});

describe('featureFindings: services', () => {
  const f = (s: ServicesMeasurement) => featureFindings({ ...none, services: s });
  const guide = (n: number, missing: string[]) => ({ url: `${host}/bs/${n}.html`, title: `指南${n}`, present: [], missing });

  it('says no section was found, and whether an entry was found without guides', () => {
    expect(f(services({ found: false, url: null }))['services.missing']).toEqual([
      { subject: 'services-section', message: '未找到办事服务或办事指南', url: null, evidence: '首页未发现办事服务入口' },
    ]);
    expect(f(services({ found: false }))['services.missing']![0]!.evidence).toBe('入口页面未发现含要素的办事指南');
    expect(f(services())['services.missing']).toEqual([]);
  });

  it('counts for each missing class the guides lacking it, naming the first three', () => {
    const guides = [guide(1, ['联系电话']), guide(2, ['联系电话', '办理流程']), guide(3, ['联系电话']), guide(4, ['联系电话']), guide(5, [])];
    expect(f(services({ guides, missingClasses: ['联系电话', '办理流程'] }))['services.elements']).toEqual([
      { subject: 'guide-element:联系电话', message: '办事指南缺少“联系电话”要素（4/5份抽查指南）', url: `${host}/bs/1.html`, evidence: '指南1、指南2、指南3' },
      { subject: 'guide-element:办理流程', message: '办事指南缺少“办理流程”要素（1/5份抽查指南）', url: `${host}/bs/2.html`, evidence: '指南2' },
    ]);
  });

  it('names broken attachments and online entries with at most two guides', () => {
    const pages = [1, 2, 3].map((n) => `${host}/bs/${n}.html`);
    const s = services({
      brokenAttachments: [{ url: `${host}/f.doc`, foundOn: pages, result: 'http-4xx' }],
      unreachableOnline: [{ url: 'https://zwfw.example.gov.cn/', foundOn: [pages[0]!], result: 'timeout' }],
    });
    expect(f(s)['services.attachments']).toEqual([
      {
        subject: 'attachment://www.example.gov.cn/f.doc',
        message: '表格附件无法下载（http-4xx）',
        url: `${host}/f.doc`,
        evidence: `所在指南：${pages[0]}、${pages[1]}`,
      },
    ]);
    expect(f(s)['services.online']).toEqual([
      {
        subject: 'online-service://zwfw.example.gov.cn/',
        message: '在线办理入口不可用（timeout）',
        url: 'https://zwfw.example.gov.cn/',
        evidence: `所在指南：${pages[0]}`,
      },
    ]);
  });
});

describe('featureFindings: identity', () => {
  const f = (i: IdentityMeasurement) => featureFindings({ ...none, identity: i });

  it('gives nothing for a site with everything in place', () => {
    expect(f(identity())).toEqual({
      'identity.search': [],
      'identity.meta': [],
      'identity.elderly': [],
      'identity.assist': [],
      'identity.mobile': [],
      'identity.furniture': [],
      'identity.domain': [],
      'identity.https': [],
    });
  });

  it('lists each 适老化 item of the mode that is not met, with what was done and seen; nothing for one that holds', () => {
    const item = (status: 'holds' | 'fails' | 'absent' | 'offered', evidence: string) => ({ status, control: null, evidence });
    const assist = {
      enlarge: { ...item('fails', '按“放大”10次后文字为原来的 1.2 倍（要求至少 1.5 倍）'), factor: 1.2 },
      contrast: item('holds', '按下“高对比度”后页面颜色或滤镜改变'),
      cursor: item('absent', '未找到相应按钮'),
      readAloud: item('offered', '提供“读屏”（能否朗读需人工确认）'),
      noPopups: item('holds', '未发现弹窗或浮动广告'),
    };
    expect(f(identity({ assist }))['identity.assist']).toEqual([
      { subject: 'assist:enlarge', message: '文字放大：不起作用', url: null, evidence: '按“放大”10次后文字为原来的 1.2 倍（要求至少 1.5 倍）' },
      { subject: 'assist:cursor', message: '特大鼠标：未提供', url: null, evidence: '未找到相应按钮' },
      { subject: 'assist:readAloud', message: '语音阅读：已提供（效果需人工确认）', url: null, evidence: '提供“读屏”（能否朗读需人工确认）' },
    ]);
  });

  it('tells an absent search from one that did not find the recent article (with the query)', () => {
    expect(f(identity({ search: 'absent', searchQuery: null, searchUrl: null }))['identity.search']).toEqual([
      { subject: 'search', message: '未提供站内搜索', url: null, evidence: null },
    ]);
    expect(f(identity({ search: 'broken' }))['identity.search']).toEqual([
      { subject: 'search', message: '站内搜索无法查到近期文章', url: `${host}/search`, evidence: '检索词：关于开展安全检查的通知' },
    ]);
  });

  it('names the missing footer code, metas, elderly entry, viewport, overflow and HTTPS', () => {
    const found = f(
      identity({
        footerShowsIdCode: false,
        missingMeta: ['SiteName', 'ColumnName'],
        missingMetaOn: [
          { page: 'homepage', url: `${host}/`, names: ['SiteName'], pagesChecked: 1 },
          { page: 'column', url: `${host}/gzdt/`, names: ['ColumnName'], pagesChecked: 12 },
        ],
        elderlyMode: false,
        viewportMeta: false,
        horizontalScroll: true,
        https: false,
      }),
    );
    // The metas by the page they were missing on, each naming its page (D17 named none).
    expect(found['identity.meta']!.map((x) => [x.message, x.url])).toEqual([
      ['页面底部未标注网站标识码', null],
      ['首页缺少网页元数据：SiteName', `${host}/`],
      ['栏目页缺少网页元数据：ColumnName', `${host}/gzdt/`],
    ]);
    expect(found['identity.meta']![2]!.evidence).toBe('在 12 个栏目页的 <head> 中查找 <meta name="ColumnName">，均未找到');
    expect(found['identity.elderly']!.map((x) => x.message)).toEqual(['未找到无障碍/长者模式入口']);
    expect(found['identity.elderly']![0]!.evidence).toContain('查找“无障碍/长者模式/关怀版');
    // HTTPS apart from the mobile layout: D20 and D20-https each list their own fact, once.
    expect(found['identity.mobile']!.map((x) => x.message)).toEqual(['首页未声明移动端视口（viewport）', '手机屏幕（375像素宽）下首页出现横向滚动']);
    expect(found['identity.https']!.map((x) => x.message)).toEqual(['网站未使用HTTPS']);
  });

  it('does not report an overflow that could not be measured (null)', () => {
    expect(f(identity({ horizontalScroll: null }))['identity.mobile']).toEqual([]);
  });
});

describe('featureFindings: accessibility', () => {
  it('reports critical and serious rules only, with pages scanned, WCAG criteria and an example element', () => {
    const a = accessibility([
      violation({ examples: [{ url: `${host}/`, target: 'img.logo', html: '<img src="logo.png">' }] }),
      violation({ rule: 'color-contrast', impact: 'serious', wcag: ['1.4.3'], level: 'AA', help: '文字对比度不足', pages: 5, nodes: 40, urls: [] }),
      violation({ rule: 'region', impact: 'moderate', help: '内容须在地标区域内' }),
      violation({ rule: 'list', impact: null, help: '列表结构' }),
    ]);
    expect(featureFindings({ ...none, accessibility: a })['accessibility.rules']).toEqual([
      {
        subject: 'axe:image-alt',
        message: '图片须有替代文本（image-alt，WCAG 1.1.1，A级，影响严重）：2/5个页面，7处',
        url: `${host}/`,
        evidence: 'img.logo：<img src="logo.png">',
      },
      { subject: 'axe:color-contrast', message: '文字对比度不足（color-contrast，WCAG 1.4.3，AA级，影响较重）：5/5个页面，40处', url: null, evidence: null },
    ]);
  });
});
