import type { AccessibilityMeasurement, AccessibilityViolation } from './accessibility.js';
import { assistItemNames, assistStatusNames } from './collect/assist-modes.js';
import type { DisclosureMeasurement } from './disclosure.js';
import { type DomainCheck, itemNames, kindNames, type MissingFurniture } from './furniture.js';
import type { IdentityMeasurement } from './identity.js';
import { pageSubject, subject } from './lib/finding-subject.js';
import { taxonomy } from './lib/taxonomy.js';
import { impactNames } from './lib/wcag.js';
import { isAAACriterion } from './lib/wcag.js';
import type { MailboxMeasurement } from './mailbox.js';
import type { EvaluatorFinding, FindingsByGroup } from './registry/finding-groups.js';
import type { ServicesMeasurement } from './services.js';

/**
 * Findings of the disclosure, mailbox, services and identity evaluators, keyed by the names indicator
 * sets cite in `findings:`. Each says what is missing or late, where it was looked for, and the fact.
 */
const metaPageNames = { homepage: '首页', column: '栏目页', article: '文章页' } as const;

export function featureFindings(m: {
  disclosure: DisclosureMeasurement | null;
  mailbox: MailboxMeasurement | null;
  services: ServicesMeasurement | null;
  identity: IdentityMeasurement | null;
  accessibility: AccessibilityMeasurement | null;
}): FindingsByGroup {
  return {
    ...disclosureFindings(m.disclosure),
    ...mailboxFindings(m.mailbox),
    ...servicesFindings(m.services),
    ...identityFindings(m.identity),
    ...accessibilityFindings(m.accessibility),
  };
}

const levelLabel = { A: 'A级', AA: 'AA级', AAA: 'AAA级', 'best-practice': '最佳实践' } as const;

/** The rule's criteria and level in words: "WCAG 1.4.3，AA级", "WCAG 2.5.8，AA级（WCAG 2.2新增）" or "最佳实践（非WCAG成功准则）". */
function criteriaText(v: AccessibilityViolation): string {
  if (v.level === 'best-practice') return '最佳实践（非WCAG成功准则）';
  const newIn22 = !v.wcag21AA && v.level !== 'AAA' ? '（WCAG 2.2新增）' : '';
  return `WCAG ${v.wcag.join('/') || '2.x'}，${levelLabel[v.level]}${newIn22}`;
}

/** A rule fails once per site (its pages are the templates that carry it): the rule is what the finding is about. */
function ruleFinding(a: AccessibilityMeasurement, v: AccessibilityViolation): EvaluatorFinding {
  return {
    subject: subject('axe', v.rule),
    message: `${v.help}（${v.rule}，${criteriaText(v)}，影响${v.impact ? impactNames[v.impact] : '未注明'}）：${v.pages}/${a.pagesScanned}个页面，${v.nodes}处`,
    url: v.urls[0] ?? null,
    evidence: v.examples[0] ? `${v.examples[0].target}：${v.examples[0].html}` : null,
  };
}

/**
 * One finding per failing rule (a template defect once), with its pages, WCAG criteria, level, impact and an
 * example element: the WCAG 2.0/2.1 A/AA serious ones (what seriousRules counts), the best-practice ones,
 * every rule of any level, and one finding per failed A/AA success criterion with the rules that fail it.
 */
function accessibilityFindings(a: AccessibilityMeasurement | null): FindingsByGroup {
  if (!a) return {};
  const serious = (v: AccessibilityViolation) => v.impact === 'critical' || v.impact === 'serious';
  const byCriterion = new Map<string, AccessibilityViolation[]>();
  for (const v of a.violations.filter((v) => v.wcag21AA))
    for (const c of v.wcag) if (!isAAACriterion(c)) byCriterion.set(c, [...(byCriterion.get(c) ?? []), v]);
  const criteria = [...byCriterion.entries()].sort(([x], [y]) => compareCriteria(x, y));
  return {
    'accessibility.rules': a.violations.filter((v) => v.wcag21AA && serious(v)).map((v) => ruleFinding(a, v)),
    'accessibility.criteria': criteria.map(([c, rules]) => ({
      subject: subject('wcag', c),
      message: `未满足WCAG成功准则 ${c}：${rules.map((v) => `${v.help}（${v.rule}，影响${v.impact ? impactNames[v.impact] : '未注明'}，${v.pages}个页面）`).join('；')}`,
      url: rules[0]!.urls[0] ?? null,
      evidence: rules[0]!.examples[0] ? `${rules[0]!.examples[0].target}：${rules[0]!.examples[0].html}` : null,
    })),
    'accessibility.bestPractices': a.violations.filter((v) => v.level === 'best-practice').map((v) => ruleFinding(a, v)),
    'accessibility.allRules': a.violations.map((v) => ruleFinding(a, v)),
  };
}

/** 1.4.3 before 1.4.12 before 2.1.1. */
function compareCriteria(x: string, y: string): number {
  const [a, b] = [x.split('.').map(Number), y.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

const list = (names: string[]) => names.join('、');

function disclosureFindings(d: DisclosureMeasurement | null): FindingsByGroup {
  if (!d) return {};
  const notFound = { subject: 'disclosure-section', message: '未找到政府信息公开专栏', url: null, evidence: '首页未发现“政府信息公开/政务公开”入口' };
  const report = d.annualReport;
  return {
    'disclosure.items': d.found
      ? d.items
          .filter((i) => !i.found)
          .map((i) => ({
            subject: subject('disclosure-item', i.id),
            message: `法定主动公开内容缺少第${i.id}项：${i.name}`,
            url: d.url,
            evidence: `已找到 ${d.present}/${d.applicable} 项`,
          }))
      : [notFound],
    'disclosure.guide': d.guide.missing.length
      ? [
          {
            subject: 'disclosure-guide',
            message: d.guide.url ? `政府信息公开指南缺少：${list(d.guide.missing)}` : '未找到政府信息公开指南',
            url: d.guide.url ?? d.url,
            evidence: d.guide.url ? `已具备：${list(d.guide.present) || '无'}` : null,
          },
        ]
      : [],
    'disclosure.institution': [
      ...(d.institution.missing.length
        ? [
            {
              subject: 'institution',
              message: d.institution.url ? `机构职能缺少：${list(d.institution.missing)}` : '未找到机构职能信息',
              url: d.institution.url ?? d.url,
              evidence: null,
            },
          ]
        : []),
      ...(d.leaders.missing.length
        ? [
            {
              subject: 'leaders',
              message: d.leaders.url ? `领导信息缺少：${list(d.leaders.missing)}` : '未找到领导信息',
              url: d.leaders.url ?? d.url,
              evidence: null,
            },
          ]
        : []),
    ],
    'disclosure.annualReport': !report.found
      ? [
          {
            subject: subject('annual-report', report.year, 'missing'),
            message: `未找到${report.year}年政府信息公开工作年度报告`,
            url: d.url,
            evidence: `应于 ${report.deadline} 前发布`,
          },
        ]
      : [
          ...(!report.onTime
            ? [
                {
                  subject: subject('annual-report', report.year, 'late'),
                  message: `${report.year}年年报发布逾期`,
                  url: report.url,
                  evidence: `发布日期 ${report.publishedOn ?? '未注明'}，应于 ${report.deadline} 前发布`,
                },
              ]
            : []),
          ...(report.missingHeadings.length
            ? [
                {
                  subject: subject('annual-report', report.year, 'headings'),
                  message: `${report.year}年年报缺少部分：${list(report.missingHeadings)}`,
                  url: report.url,
                  evidence: null,
                },
              ]
            : []),
        ],
  };
}

function mailboxFindings(m: MailboxMeasurement | null): FindingsByGroup {
  if (!m) return {};
  return {
    'mailbox.noChannelOrOverdue': [
      ...(!m.channel
        ? [
            {
              subject: 'no-consultation-channel',
              message: '未提供网上有效咨询建言渠道',
              url: null,
              evidence: m.notConsultation.length
                ? `仅发现：${list(m.notConsultation)}（信访、纪检举报渠道不属于咨询建言渠道）`
                : '首页及互动交流页面未发现领导信箱、咨询投诉、网上留言等渠道',
            },
          ]
        : []),
      ...m.unanswered.map((u) => ({
        subject: letterSubject(u),
        message: `留言超过3个月未回应：${u.title}`,
        url: u.url,
        evidence: `来信日期 ${u.received}，至评估日已 ${u.days} 天`,
      })),
    ],
    'mailbox.replyRate':
      m.replyRate !== null && m.replyRate < 1
        ? [
            {
              subject: 'reply-rate',
              message: `近一年答复率 ${(m.replyRate * 100).toFixed(1)}%`,
              url: m.url,
              evidence: `来信 ${m.letters} 件，已答复 ${m.replied} 件`,
            },
          ]
        : [],
    'mailbox.latency': m.latencies.slice(0, 20).map((l) => ({
      subject: letterSubject(l),
      message: `答复用时 ${l.workingDays} 个工作日：${l.title}`,
      url: l.url,
      evidence: `来信 ${l.received}，答复 ${l.replied}`,
    })),
    'mailbox.fields':
      m.fieldsMissing.length && m.replied
        ? [{ subject: 'reply-fields', message: `答复信息未公开：${list(m.fieldsMissing)}`, url: m.url, evidence: `已公开：${list(m.fieldsShown) || '无'}` }]
        : [],
  };
}

/** A letter by its page, else by its title and the date it came (a list without detail pages). */
function letterSubject(l: { url: string | null; title: string; received: string }): string {
  return l.url ? pageSubject('letter', l.url) : subject('letter', l.title, l.received);
}

function servicesFindings(s: ServicesMeasurement | null): FindingsByGroup {
  if (!s) return {};
  return {
    'services.missing': s.found
      ? []
      : [
          {
            subject: 'services-section',
            message: '未找到办事服务或办事指南',
            url: s.url,
            evidence: s.url ? '入口页面未发现含要素的办事指南' : '首页未发现办事服务入口',
          },
        ],
    'services.elements': s.missingClasses.map((c) => {
      const guides = s.guides.filter((g) => g.missing.includes(c));
      return {
        subject: subject('guide-element', c),
        message: `办事指南缺少“${c}”要素（${guides.length}/${s.guides.length}份抽查指南）`,
        url: guides[0]?.url ?? null,
        evidence: guides
          .slice(0, 3)
          .map((g) => g.title)
          .join('、'),
      };
    }),
    'services.attachments': s.brokenAttachments.map((a) => ({
      subject: pageSubject('attachment', a.url),
      message: `表格附件无法下载（${a.result}）`,
      url: a.url,
      evidence: `所在指南：${a.foundOn.slice(0, 2).join('、')}`,
    })),
    'services.online': s.unreachableOnline.map((a) => ({
      subject: pageSubject('online-service', a.url),
      message: `在线办理入口不可用（${a.result}）`,
      url: a.url,
      evidence: `所在指南：${a.foundOn.slice(0, 2).join('、')}`,
    })),
  };
}

function identityFindings(i: IdentityMeasurement | null): FindingsByGroup {
  if (!i) return {};
  return {
    'identity.search':
      i.search === 'works' || i.search === 'untested'
        ? []
        : [
            {
              subject: 'search',
              message: i.search === 'absent' ? '未提供站内搜索' : '站内搜索无法查到近期文章',
              url: i.searchUrl,
              evidence: i.searchQuery ? `检索词：${i.searchQuery}` : null,
            },
          ],
    'identity.meta': [
      ...(i.footerShowsIdCode ? [] : [{ subject: 'site-id-code', message: '页面底部未标注网站标识码', url: null, evidence: null }]),
      ...furnitureFindings(i, (f) => f.item === 'siteIdCode' && f.kind !== 'homepage'),
      // One finding per page the metas were looked for on, naming it.
      // By the kind of page (its template), not the example page, which differs from run to run.
      ...i.missingMetaOn.map((m) => ({
        subject: subject('meta', m.page),
        message: `${metaPageNames[m.page]}缺少网页元数据：${list(m.names)}`,
        url: m.url,
        evidence:
          m.page === 'column'
            ? `在 ${m.pagesChecked} 个栏目页的 <head> 中查找 <meta name="ColumnName">，均未找到`
            : `在该页 <head> 的 <meta> 标签中查找，未找到`,
      })),
    ],
    // It rests on not finding: say where and for what the homepage was searched.
    'identity.elderly':
      i.elderlyMode || i.elderlyError
        ? []
        : [
            {
              subject: 'elderly-entry',
              message: '未找到无障碍/长者模式入口',
              url: null,
              evidence: `在首页的链接、按钮和可点击元素的文字、title、aria-label 和图片 alt 中查找“${taxonomy().identity.elderly.join('/')}”，未找到`,
            },
          ],
    'identity.assist': i.assist
      ? assistItemNames.flatMap(([key, name]) => {
          const item = i.assist![key];
          return item.status === 'holds'
            ? []
            : [{ subject: subject('assist', key), message: `${name}：${assistStatusNames[item.status]}`, url: null, evidence: item.evidence }];
        })
      : [],
    'identity.mobile': [
      ...(i.viewportMeta || i.mobileError ? [] : [{ subject: 'viewport', message: '首页未声明移动端视口（viewport）', url: null, evidence: null }]),
      ...(i.horizontalScroll ? [{ subject: 'horizontal-scroll', message: '手机屏幕（375像素宽）下首页出现横向滚动', url: null, evidence: null }] : []),
    ],
    'identity.furniture': furnitureFindings(i, (f) => f.item !== 'siteIdCode'),
    'identity.domain': domainFindings(i.domain),
    // Its own group: an indicator of the mobile layout and one of HTTPS each list only their own fact.
    'identity.https': i.https ? [] : [{ subject: 'https', message: '网站未使用HTTPS', url: null, evidence: null }],
  };
}

/** One finding per kind of page and item it lacks, naming an example page. */
function furnitureFindings(i: IdentityMeasurement, which: (f: MissingFurniture) => boolean): EvaluatorFinding[] {
  return (i.furniture ?? []).filter(which).map((f) => ({
    subject: subject('furniture', f.kind, f.item),
    message: `${kindNames[f.kind]}${f.state === 'absent' ? '未标注' : '标注了但未链接至备案系统：'}${itemNames[f.item]}`,
    url: f.example,
    evidence: `已读取的${f.pagesRead}个${kindNames[f.kind]}中有${f.pagesMissing}个${f.state === 'absent' ? '未找到该项' : '该项无指向备案系统的链接'}，例如 ${f.example}`,
  }));
}

function domainFindings(d: DomainCheck | null): EvaluatorFinding[] {
  if (!d || d.status === 'ok' || d.status === 'not-checked') return [];
  const message =
    d.status === 'not-gov'
      ? `网站域名 ${d.host} 不在 .gov.cn 下${d.portal ? `（门户域名 ${d.portal}）` : ''}`
      : `部门网站域名 ${d.host} 不在门户网站域名 ${d.portal} 下`;
  return [{ subject: 'domain', message, url: null, evidence: '政府网站发展指引：政府网站使用 .gov.cn 域名，部门网站使用本级政府门户网站的下级域名' }];
}
