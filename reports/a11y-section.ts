import type { AxeImpact } from '../evaluators/collect/axe.js';
import { urlTemplate } from '../evaluators/collect/url-scope.js';
import { impactNames } from '../evaluators/lib/wcag.js';
import { isAAACriterion } from '../evaluators/lib/wcag.js';
import { criterionLabel, wcagCriteria } from '../evaluators/lib/wcag-criteria.js';
import { type Fix, fixFor } from './a11y-fixes.js';
import { type Html, html } from './html.js';
import { link } from './html-parts.js';
import type { ResultsObservations } from './results.js';

/**
 * 无障碍问题与整改方法: the accessibility findings of one site (axe rules and the browser checks) as a web
 * team fixes them — by WCAG success criterion, each failing rule or check under it with its impact or
 * level and its 整改方法, and under the rule the failing pages by URL template (named by the template's
 * first failing page), each with an element: its selector and markup. Best practices, then the advisory
 * items (AAA criteria, the advisory checks), then what a check only suspects (media the browser held back,
 * a change seen once: for a person to confirm), come last and are marked. No screenshot crops: the crawl takes
 * none of the elements, and each template links to its page.
 */

/** An element a finding points at. */
export interface A11yElement {
  selector: string;
  html: string;
  /** What a browser check measured there (e.g. the page width at 320 px). */
  detail: string | null;
}

/** The failing pages of one URL template. */
export interface A11yTemplate {
  /** `urlTemplate` of its pages. */
  template: string;
  /** Its first failing page: the name a web team knows it by. */
  url: string;
  pages: number;
  element: A11yElement | null;
}

/** One failing axe rule or browser check. */
export interface A11yItem {
  source: 'axe' | 'check';
  id: string;
  /** axe's help text (Chinese locale) or the check's description. */
  name: string;
  /** axe's impact; null for a browser check (its level says how much it matters). */
  impact: AxeImpact | null;
  level: 'A' | 'AA' | 'AAA' | 'best-practice';
  /** Every criterion it fails; it is listed under the first and referred to under the others. */
  criteria: string[];
  pages: number;
  elements: number;
  templates: A11yTemplate[];
  /** Pages beyond the templates listed (results cut at 20 templates, or older results listing 5 pages). */
  pagesElsewhere: number;
  fix: Fix;
  /** A browser check's finding that needs a person to confirm it: listed apart, counted nowhere. */
  suspected?: true;
}

export type A11yGroupKind = 'criterion' | 'best-practice' | 'advisory' | 'suspected';

/** A success criterion with what fails it; or the best practices; or one advisory criterion. */
export interface A11yGroup {
  kind: A11yGroupKind;
  /** "1.1.1"; null for the best practices. */
  criterion: string | null;
  /** "1.1.1 非文本内容", "2.5.8（WCAG 2.2）", "最佳实践". */
  label: string;
  level: 'A' | 'AA' | 'AAA' | null;
  items: A11yItem[];
  /** Items filed under another criterion that fail this one too. */
  alsoFailing: A11yItem[];
}

/** Criteria outside WCAG 2.1 A/AA that axe or the checks may report: the AAA ones, and WCAG 2.2's new A/AA ones. */
const otherCriteria: Readonly<Record<string, string>> = {
  '1.4.6': '对比度（增强）',
  '1.4.8': '视觉呈现',
  '2.2.4': '中断',
  '2.4.9': '链接目的（仅链接）',
  '2.4.10': '章节标题',
  '2.4.11': '焦点不被遮挡（最低）',
  '2.5.5': '目标尺寸（增强）',
  '2.5.7': '拖动动作',
  '2.5.8': '目标尺寸（最低）',
  '3.1.5': '阅读水平',
  '3.2.5': '请求时变化',
  '3.2.6': '一致的帮助',
  '3.3.7': '冗余输入',
  '3.3.8': '无障碍身份验证（最低）',
};

const severity: Record<AxeImpact, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };
const kindOrder: Record<A11yGroupKind, number> = { criterion: 0, 'best-practice': 1, advisory: 2, suspected: 3 };

/** "1.4.10" after "1.4.3": compares the numbers part by part. */
function byCriterion(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Results written before the templates were recorded: the pages listed (the first five), grouped here. */
function templatesOfUrls(urls: string[], examples: Array<{ url: string } & Omit<A11yElement, 'detail'> & { detail?: string | null }>): A11yTemplate[] {
  const out: A11yTemplate[] = [];
  for (const url of urls) {
    const template = safeTemplate(url);
    const found = out.find((t) => t.template === template);
    if (found) found.pages += 1;
    else {
      const e = examples.find((x) => x.url === url);
      out.push({ template, url, pages: 1, element: e ? { selector: e.selector, html: e.html, detail: e.detail ?? null } : null });
    }
  }
  return out.sort((a, b) => b.pages - a.pages);
}

function safeTemplate(url: string): string {
  try {
    return urlTemplate(url);
  } catch {
    return url;
  }
}

function item(base: Omit<A11yItem, 'pagesElsewhere'>): A11yItem {
  const listed = base.templates.reduce((n, t) => n + t.pages, 0);
  return { ...base, pagesElsewhere: Math.max(0, base.pages - listed) };
}

/** The site's findings as items: every axe violation and every failing browser check. */
export function accessibilityItems(o: Partial<Pick<ResultsObservations, 'accessibility' | 'pageChecks'>>): A11yItem[] {
  const axe = (o.accessibility?.violations ?? []).map((v) =>
    item({
      source: 'axe',
      id: v.rule,
      name: v.help,
      impact: v.impact,
      level: v.level,
      criteria: v.wcag,
      pages: v.pages,
      elements: v.nodes,
      templates: v.templates
        ? v.templates.map((t) => ({
            template: t.template,
            url: t.url,
            pages: t.pages,
            element: t.example ? { selector: t.example.target, html: t.example.html, detail: null } : null,
          }))
        : templatesOfUrls(
            v.urls,
            v.examples.map((e) => ({ url: e.url, selector: e.target, html: e.html })),
          ),
      fix: fixFor('axe', v.rule, v.help),
    }),
  );
  const checkItem = (f: NonNullable<typeof o.pageChecks>['failures'][number]) =>
    item({
      source: 'check',
      id: f.check,
      name: f.zh,
      impact: null,
      // The advisory checks are AAA (new windows); their level says so.
      level: f.advisory ? 'AAA' : f.level,
      criteria: f.wcag,
      pages: f.pages,
      elements: f.elements,
      templates: f.templates
        ? f.templates.map((t) => ({ template: t.template, url: t.url, pages: t.pages, element: t.example }))
        : templatesOfUrls(f.urls, f.examples),
      fix: fixFor('check', f.check, f.zh),
    });
  const checks = (o.pageChecks?.failures ?? []).map(checkItem);
  const suspected = (o.pageChecks?.suspected ?? []).map((f): A11yItem => ({ ...checkItem(f), suspected: true }));
  return [...axe, ...checks, ...suspected];
}

/**
 * The items by criterion: A/AA criteria by number (WCAG 2.2 ones among them, marked), then the best
 * practices (axe rules under no level), then the advisory criteria (AAA, the advisory checks). An item
 * fails its first criterion's group and is referred to from its other criteria's groups. In a group the
 * most severe impact first, then the items on most pages.
 */
export function groupAccessibility(o: Partial<Pick<ResultsObservations, 'accessibility' | 'pageChecks'>>): A11yGroup[] {
  const groups = new Map<string, A11yGroup>();
  const groupOf = (kind: A11yGroupKind, criterion: string | null, itemLevel: A11yItem['level']): A11yGroup => {
    const key = `${kind}:${criterion ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      const known = criterion ? wcagCriteria[criterion] : undefined;
      const other = criterion && otherCriteria[criterion] ? ` ${otherCriteria[criterion]}` : '';
      const label =
        criterion === null ? '最佳实践' : known ? criterionLabel(criterion) : `${criterion}${other}${isAAACriterion(criterion) ? '' : '（WCAG 2.2）'}`;
      const level = criterion === null || itemLevel === 'best-practice' ? null : (known?.level ?? (isAAACriterion(criterion) ? 'AAA' : itemLevel));
      g = { kind, criterion, label, level, items: [], alsoFailing: [] };
      groups.set(key, g);
    }
    return g;
  };
  const items = accessibilityItems(o);
  for (const i of items) {
    const kind: A11yGroupKind = i.suspected
      ? 'suspected'
      : i.level === 'best-practice' || !i.criteria.length
        ? 'best-practice'
        : i.level === 'AAA'
          ? 'advisory'
          : 'criterion';
    if (kind === 'best-practice') {
      groupOf(kind, null, i.level).items.push(i);
      continue;
    }
    groupOf(kind, i.criteria[0]!, i.level).items.push(i);
    // Only refer to groups of the same kind: an A/AA rule's other criteria are A/AA too.
    for (const c of i.criteria.slice(1)) if (kind === 'advisory' || kind === 'suspected' || !isAAACriterion(c)) groupOf(kind, c, i.level).alsoFailing.push(i);
  }
  const rank = (i: A11yItem) => (i.impact === null ? 4 : severity[i.impact]);
  for (const g of groups.values()) g.items.sort((a, b) => rank(a) - rank(b) || b.pages - a.pages || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...groups.values()].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || byCriterion(a.criterion ?? '', b.criterion ?? ''));
}

const levelNames = { A: 'A级', AA: 'AA级', AAA: 'AAA级', 'best-practice': '最佳实践' } as const;
/** Templates shown per rule; the rest are counted. */
const shownTemplates = 10;

/** "www.x.gov.cn/art/art_#.html?id" → "/art/art_*.html?id=*": the shape of the template's URLs, as a web team knows them. */
export function templateLabel(template: string): string {
  const slash = template.indexOf('/');
  if (slash < 0) return template;
  const [path = '', query = ''] = template.slice(slash).split('?');
  return `${path.replace(/#/g, '*')}${
    query
      ? `?${query
          .split('&')
          .map((k) => `${k}=*`)
          .join('&')}`
      : ''
  }`;
}

/** axe's page-level rules (a main landmark, an h1, the language) point at the document itself. */
const wholePage = (e: A11yElement) => e.selector === 'html' || e.selector === ':root';

function elementCell(e: A11yElement | null, shared: boolean): Html {
  if (!e) return html`<span class="note">（未记录元素）</span>`;
  const detail = e.detail ? html`<span class="evidence">检测记录：${e.detail}</span>` : '';
  if (wholePage(e)) return html`<span class="note">整个页面（页面结构问题，不在某个元素上）</span>${detail}`;
  return html`${e.selector ? html`<code class="selector">${e.selector}</code>` : ''}${e.html && !shared ? html`<pre class="snippet"><code>${e.html}</code></pre>` : ''}${detail}`;
}

/** The same markup on every template listed: a shared part (header, footer, navigation) the team fixes once. */
function sharedMarkup(templates: A11yTemplate[]): string | null {
  const first = templates[0]?.element;
  if (templates.length < 2 || !first?.html || wholePage(first)) return null;
  return templates.every((t) => t.element?.html === first.html) ? first.html : null;
}

/** The anchor of an item, for the overview's links. */
const anchor = (i: A11yItem) => `a11y-${i.source}-${i.id.replace(/[^a-z0-9-]/gi, '')}${i.suspected ? '-suspected' : ''}`;

function levelTag(level: A11yItem['level']): Html {
  return html`<span class="tag ${level === 'A' || level === 'AA' ? 'level' : 'advisory'}">${levelNames[level]}</span>`;
}

function itemBlock(i: A11yItem, table: (t: Html, name: string) => Html): Html {
  const shown = i.templates.slice(0, shownTemplates);
  const hidden = i.templates.slice(shownTemplates);
  const more = hidden.length ? `另有 ${hidden.length} 个模板 ${hidden.reduce((n, t) => n + t.pages, 0)} 个页面未列出` : '';
  const elsewhere = i.pagesElsewhere ? `另有 ${i.pagesElsewhere} 个页面未按模板列出` : '';
  // A best practice filed under an obsolete criterion (4.1.1 解析, removed in WCAG 2.2) names it here.
  const other = (i.level === 'best-practice' ? i.criteria : i.criteria.slice(1)).map(criterionLabel).join('、');
  const shared = sharedMarkup(shown);
  // axe rules say their impact; the browser checks have none, their level says how much they matter.
  return html`<div class="a11y-item" id="${anchor(i)}"><h4>${i.name}<span class="rule-id">（${i.source === 'axe' ? i.id : `浏览器检查 ${i.id}`}）</span> ${i.impact ? html`<span class="tag impact-${i.impact}">影响：${impactNames[i.impact]}</span>` : levelTag(i.level)}</h4>
<p class="a11y-count">${i.pages} 个页面、${i.elements} 处${i.suspected ? '疑似' : ''}未通过，涉及 ${i.templates.length} 个页面模板${other ? html`；同时涉及 ${other}` : ''}。</p>
<p class="advice">整改方法：${i.fix.text}${i.fix.helpUrl ? html`（${link(i.fix.helpUrl, '规则说明')}）` : ''}</p>
${shared ? html`<p class="note">以下各模板中是同一段代码，多在公共部分（页头、页脚、导航），修改一处即可：</p><pre class="snippet"><code>${shared}</code></pre>` : ''}${table(
    html`<table class="a11y-templates"><thead><tr><th scope="col">页面模板（以首个未通过页面命名）</th><th scope="col">页面数</th><th scope="col">元素（选择器与代码）</th></tr></thead><tbody>${shown.map(
      (t) =>
        html`<tr><td>${link(t.url)}<br><span class="note">模板：${templateLabel(t.template)}</span></td><td>${t.pages}</td><td>${elementCell(t.element, shared !== null)}</td></tr>`,
    )}</tbody></table>`,
    `${i.id} 的页面模板`,
  )}${more || elsewhere ? html`<p class="note">${[more, elsewhere].filter(Boolean).join('；')}。</p>` : ''}</div>`;
}

/** One line per item: where to start, and a link to it. */
function overview(groups: A11yGroup[], table: (t: Html, name: string) => Html): Html {
  return table(
    html`<table class="a11y-overview"><thead><tr><th scope="col">成功准则</th><th scope="col">问题（规则或检查）</th><th scope="col">影响或级别</th><th scope="col">页面数</th><th scope="col">模板数</th></tr></thead><tbody>${groups.flatMap(
      (g) =>
        g.items.map(
          (i, n) =>
            html`<tr><td>${n ? '' : g.kind === 'advisory' ? `${g.label}（建议项）` : g.kind === 'suspected' ? `${g.label}（疑似）` : g.label}</td><td><a href="#${anchor(i)}">${i.name}</a></td><td>${i.impact ? impactNames[i.impact] : levelNames[i.level]}</td><td>${i.pages}</td><td>${i.templates.length}</td></tr>`,
        ),
    )}</tbody></table>`,
    '无障碍问题一览',
  );
}

function groupBlock(g: A11yGroup, table: (t: Html, name: string) => Html): Html {
  const tag =
    g.kind === 'best-practice'
      ? html`<span class="tag advisory">最佳实践，不属于成功准则</span>`
      : g.kind === 'advisory'
        ? html`<span class="tag advisory">建议项${g.level ? `（${levelNames[g.level]}）` : ''}</span>`
        : g.kind === 'suspected'
          ? html`<span class="tag advisory">疑似，待人工确认，不计入未通过</span>`
          : g.level
            ? html`<span class="tag level">${levelNames[g.level]}</span>`
            : '';
  return html`<article class="a11y-group ${g.kind}"><h3>${g.label} ${tag}</h3>
${g.items.map((i) => itemBlock(i, table))}${g.alsoFailing.length ? html`<p class="note">另见：${g.alsoFailing.map((i, n) => html`${n ? '；' : ''}${i.name}（${i.id}，列在 ${criterionLabel(i.criteria[0]!)} 下）`)}</p>` : ''}</article>`;
}

/**
 * The section for the department report and the department's web page. `table` wraps each table (the web
 * page makes it scroll sideways on a phone). Nothing when the site's accessibility was not checked.
 */
export function accessibilitySection(
  o: Partial<Pick<ResultsObservations, 'accessibility' | 'pageChecks'>>,
  options: { table?: (t: Html, name: string) => Html } = {},
): Html {
  const a = o.accessibility;
  const c = o.pageChecks;
  if (!a && !c) return html``;
  const table = options.table ?? ((t: Html) => t);
  const groups = groupAccessibility(o);
  const criteria = groups.filter((g) => g.kind === 'criterion');
  const count = (k: A11yGroupKind) => groups.filter((g) => g.kind === k).reduce((n, g) => n + g.items.length, 0);
  const scope = [a ? `axe-core 检测 ${a.pagesScanned} 个页面` : '', c ? `键盘、焦点、重排等浏览器检查 ${c.pagesChecked} 个页面` : '']
    .filter(Boolean)
    .join('，');
  return html`<section class="a11y" id="a11y"><h2>无障碍问题与整改方法</h2>
<p>${scope}（同一模板的页面只抽查一部分）。WCAG 2.x A/AA级：${criteria.length} 条成功准则未通过，${count('criterion')} 项规则或检查${count('best-practice') ? `；另有最佳实践 ${count('best-practice')} 项` : ''}${count('advisory') ? `；建议项 ${count('advisory')} 项` : ''}${count('suspected') ? `；疑似问题 ${count('suspected')} 项（检测无法确定，请人工确认）` : ''}。</p>
${
  groups.length
    ? html`${overview(groups, table)}
<p class="note">问题按成功准则归类，每项列出整改方法和未通过的页面模板：同一模板生成的页面问题相同，改一次模板即可。“元素”给出定位元素的 CSS 选择器和页面源码片段；报告不附截图，请打开页面链接，在浏览器开发者工具中按选择器查找。</p>
${groups.map((g) => groupBlock(g, table))}`
    : html`<p>自动检测未发现无障碍问题。自动检测不能发现全部问题，仍需人工检查。</p>`
}
</section>`;
}

/** Styles of the section in the file report (the web app has the same in app.css). */
export const accessibilityStyles = `.a11y-group{border-top:1px solid #eee;padding-top:6px}.a11y-group h3{font-size:17px}.a11y-item{margin:0 0 14px 12px;break-inside:avoid-page}.a11y-item h4{font-size:15px;margin:10px 0 2px}
.rule-id{color:#666;font-weight:normal;font-size:13px}.a11y-count{margin:2px 0}code.selector{display:block;font-size:12px;color:#1d4f7a;word-break:break-all}
pre.snippet{margin:2px 0;padding:4px 6px;background:#f6f6f6;border:1px solid #e2e2e2;font-size:12px;line-height:1.45;white-space:pre-wrap;word-break:break-all}
table.a11y-templates td:first-child{width:36%;word-break:break-all}table.a11y-templates td:nth-child(2),table.a11y-templates th:nth-child(2),table.a11y-overview td:nth-child(n+3),table.a11y-overview th:nth-child(n+3){white-space:nowrap}
.tag.level{background:#1d5a99}.tag.advisory{background:#6b6b6b}.tag.impact-critical{background:#b5121b}.tag.impact-serious{background:#c45a00}.tag.impact-moderate{background:#8a6d00}.tag.impact-minor{background:#5f6b73}`;
