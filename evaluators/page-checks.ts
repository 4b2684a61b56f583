import { type PageCheckArea, pageCheckAreas, type PageCheckId, type PageCheckIssue, type PageCheckResult, pageChecks } from './collect/page-checks.js';
import { urlTemplate } from './collect/url-scope.js';
import { subject } from './lib/finding-subject.js';
import type { FindingsByGroup } from './registry/finding-groups.js';

/**
 * 无障碍（浏览器检查）: what the in-browser page checks found on the pages axe scanned — keyboard traps,
 * mouse-only controls, focus not visible, reflow at 320 CSS px, text cut off at 200 % text, bypass blocks, form groups, placeholder-only
 * fields, context change on input, content moving or updating by itself (2.2.2), sound playing by itself
 * (1.4.2) — plus the page titles judged across the site's pages (2.4.2). A check failing on many pages of
 * one template counts once, with its pages. What a check only suspects is kept apart, for a reviewer.
 */
export const meta = { id: 'pageChecks', version: '1', needs: ['pageChecks'] } as const;

export interface PageCheckFailure {
  check: PageCheckId;
  wcag: string[];
  level: 'A' | 'AA' | 'AAA';
  /** AAA criteria (new windows): recorded, not a failure of the A/AA level the rules ask for. */
  advisory: boolean;
  zh: string;
  pages: number;
  /** Failing elements over all those pages. */
  elements: number;
  /** The first pages it failed on. */
  urls: string[];
  examples: Array<{ url: string; selector: string; html: string; detail: string | null }>;
  /** The failing pages by URL template (`urlTemplate`), as in the axe violations: most pages first, at most 20; absent from older results. */
  templates?: Array<{ template: string; url: string; pages: number; example: { selector: string; html: string; detail: string | null } | null }>;
}

export interface PageChecksMeasurement {
  /** Pages on which at least one part of the checks ran. */
  pagesChecked: number;
  /** Pages where a part could not run (timeout, page closed): those parts are not checked, not passed. */
  pagesPartlyChecked: number;
  pagesNotChecked: number;
  notChecked: Array<{ url: string; area: PageCheckArea; reason: string }>;
  /** A/AA failures first (by pages, then check id), then the advisory ones. */
  failures: PageCheckFailure[];
  /**
   * 疑似: what a check inferred without seeing it happen (media set to autoplay that the browser held back,
   * content seen to change only once), for a reviewer; not failures. Absent from older results.
   */
  suspected?: PageCheckFailure[];
  /** Checks failing at level A/AA on any page (advisories not counted). */
  failingChecks: number;
  /** Distinct WCAG success criteria those checks fail. */
  failingCriteria: number;
  /** Pages with at least one A/AA failure. */
  pagesWithFailures: number;
  /** Mean time of the checks per page (ms). */
  msPerPage: number | null;
}

const maxUrls = 5;
const maxExamples = 3;
const maxNotChecked = 10;
const maxTemplates = 20;

export function evaluatePageChecks(results: PageCheckResult[]): PageChecksMeasurement {
  // A URL checked twice (reached by two paths) is one page: the run that got furthest counts.
  const byUrl = new Map<string, PageCheckResult>();
  for (const r of results) {
    const earlier = byUrl.get(r.url);
    if (!earlier || r.notChecked.length < earlier.notChecked.length) byUrl.set(r.url, r);
  }
  const pages = [...byUrl.values()].sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const checked = pages.filter(ranAny);
  const issues = new Map<PageCheckResult, PageCheckIssue[]>(checked.map((p) => [p, p.issues.filter((i) => !i.suspected)]));
  for (const [page, issue] of titleIssues(checked)) issues.get(page)!.push(issue);
  const byCheck = failuresByCheck(checked, (p) => issues.get(p)!);
  const suspected = failuresByCheck(checked, (p) => p.issues.filter((i) => i.suspected));
  const failures = [...byCheck.values()].sort(
    (a, b) => Number(a.advisory) - Number(b.advisory) || b.pages - a.pages || (a.check < b.check ? -1 : a.check > b.check ? 1 : 0),
  );
  const real = failures.filter((f) => !f.advisory);
  const realChecks = new Set(real.map((f) => f.check));
  const ms = checked.map((p) => p.ms);
  return {
    pagesChecked: checked.length,
    pagesPartlyChecked: checked.filter((p) => p.notChecked.length > 0).length,
    pagesNotChecked: pages.length - checked.length,
    notChecked: pages.flatMap((p) => p.notChecked.map((n) => ({ url: p.url, ...n }))).slice(0, maxNotChecked),
    failures,
    suspected: [...suspected.values()].sort((a, b) => b.pages - a.pages || (a.check < b.check ? -1 : a.check > b.check ? 1 : 0)),
    failingChecks: real.length,
    failingCriteria: new Set(real.flatMap((f) => f.wcag)).size,
    pagesWithFailures: checked.filter((p) => issues.get(p)!.some((i) => realChecks.has(i.check))).length,
    msPerPage: ms.length ? Math.round(ms.reduce((a, b) => a + b, 0) / ms.length) : null,
  };
}

/**
 * At least one part of the checks ran on the page. A result stored before an area existed (motion, text zoom)
 * has no record of it: such an area counts as not run, not as run.
 */
function ranAny(p: PageCheckResult): boolean {
  const existed = (area: PageCheckArea) => (area === 'motion' ? p.motion !== undefined : area === 'zoom' ? p.textZoom !== undefined : true);
  return pageCheckAreas.some((area) => existed(area) && !p.notChecked.some((n) => n.area === area));
}

/** The pages' issues by check: pages, elements, the first URLs and examples, the templates. */
function failuresByCheck(checked: PageCheckResult[], issuesOf: (p: PageCheckResult) => PageCheckIssue[]) {
  const byCheck = new Map<PageCheckId, PageCheckFailure & Required<Pick<PageCheckFailure, 'templates'>>>();
  for (const page of checked) {
    for (const issue of issuesOf(page)) {
      let f = byCheck.get(issue.check);
      if (!f) {
        const c: { wcag: readonly string[]; level: 'A' | 'AA' | 'AAA'; advisory?: true; zh: string } = pageChecks[issue.check];
        f = {
          check: issue.check,
          wcag: [...c.wcag],
          level: c.level,
          advisory: !!c.advisory,
          zh: c.zh,
          pages: 0,
          elements: 0,
          urls: [],
          examples: [],
          templates: [],
        };
        byCheck.set(issue.check, f);
      }
      f.pages += 1;
      f.elements += issue.count;
      if (f.urls.length < maxUrls) f.urls.push(page.url);
      const examples = issue.examples.length ? issue.examples : [{ selector: 'html', html: '' }];
      for (const e of examples.slice(0, 1)) if (f.examples.length < maxExamples) f.examples.push({ url: page.url, ...e, detail: issue.detail ?? null });
      const template = urlTemplate(page.url);
      const t = f.templates.find((x) => x.template === template);
      if (t) t.pages += 1;
      else f.templates.push({ template, url: page.url, pages: 1, example: { ...examples[0]!, detail: issue.detail ?? null } });
    }
  }
  for (const f of byCheck.values()) f.templates = f.templates.sort((a, b) => b.pages - a.pages).slice(0, maxTemplates);
  return byCheck;
}

const roleOrder: Record<PageCheckResult['role'], number> = { homepage: 0, page: 1, article: 2 };

/**
 * Page titles (2.4.2) across the site: empty; the homepage's title (the site name alone) on another page;
 * or one title on pages of different kinds (a column page and an article), which cannot both be described
 * by it. Titles shared by pages of one kind (two columns called 工作动态) are left alone.
 */
export function titleIssues(pages: PageCheckResult[]): Array<[PageCheckResult, PageCheckIssue]> {
  const read = pages.filter((p) => p.title !== null);
  const homepage = read.find((p) => p.role === 'homepage')?.title ?? null;
  const rolesByTitle = new Map<string, Set<PageCheckResult['role']>>();
  for (const p of read) if (p.role !== 'homepage' && p.title) rolesByTitle.set(p.title, (rolesByTitle.get(p.title) ?? new Set()).add(p.role));
  const out: Array<[PageCheckResult, PageCheckIssue]> = [];
  for (const p of read) {
    const title = p.title!;
    let detail: string | null = null;
    if (!title) detail = '标题为空';
    else if (p.role !== 'homepage' && homepage && title === homepage) detail = '与首页标题相同（只有网站名称）';
    else if (p.role !== 'homepage' && (rolesByTitle.get(title)?.size ?? 0) > 1) detail = '与另一类页面使用同一标题';
    if (detail) out.push([p, { check: 'page-title', count: 1, examples: [{ selector: 'title', html: `<title>${title}</title>` }], detail }]);
  }
  return out;
}

const levelLabel = { A: 'A级', AA: 'AA级', AAA: 'AAA级，建议项' } as const;

/** One finding per failing check (a template defect once), with its pages, criteria and an example element. */
export function pageCheckFindings(m: PageChecksMeasurement | null): FindingsByGroup {
  if (!m) return {};
  const findings = m.failures.map((f) => {
    const e = f.examples[0];
    return {
      subject: subject('page-check', f.check),
      message: `${f.zh}（WCAG ${f.wcag.join('/')}，${levelLabel[f.level]}）：${f.pages}/${m.pagesChecked}个页面，${f.elements}处`,
      url: f.urls[0] ?? null,
      evidence: e ? [e.selector, e.html, e.detail].filter(Boolean).join('：') : null,
    };
  });
  for (const f of m.suspected ?? [])
    findings.push({
      subject: subject('page-check-suspected', f.check),
      message: `疑似：${f.zh}（WCAG ${f.wcag.join('/')}，${levelLabel[f.level]}）：${f.pages}/${m.pagesChecked}个页面，${f.elements}处，待人工复核`,
      url: f.urls[0] ?? null,
      evidence: f.examples[0] ? [f.examples[0].selector, f.examples[0].html, f.examples[0].detail].filter(Boolean).join('：') : null,
    });
  if (m.pagesNotChecked + m.pagesPartlyChecked > 0)
    findings.push({
      subject: 'page-checks-incomplete',
      message: `${m.pagesNotChecked + m.pagesPartlyChecked}个页面的部分检查未能完成（视为未检查）`,
      url: m.notChecked[0]?.url ?? null,
      evidence: m.notChecked.map((n) => `${n.area}: ${n.reason}`).join('；') || null,
    });
  return { 'pageChecks.failures': findings };
}
