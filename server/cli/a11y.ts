import { readFileSync } from 'node:fs';

import { UsageError } from '../../common/usage-error.js';
import { launchBrowser } from '../../evaluators/collect/browser.js';
import { failureLabel } from '../../evaluators/collect/failures.js';
import { defaultCollectOptions } from '../../evaluators/collect/options.js';
import { auditPages, type PageAudit } from '../../evaluators/collect/page-audit.js';
import { type PageCheckArea, pageChecks } from '../../evaluators/collect/page-checks.js';
import { impactNames } from '../../evaluators/lib/wcag.js';
import { criterionLabel } from '../../evaluators/lib/wcag-criteria.js';

/** One barrier on one element: what `--json` prints per page. */
export interface A11yFinding {
  rule: string;
  /** WCAG success criteria ("1.1.1"); empty for a best practice. */
  wcag: string[];
  impact: string | null;
  selector: string;
  html: string;
  help: string;
  /** A check's 疑似: listed for the team to confirm, not counted as failing. */
  suspected?: true;
}

export interface A11yPageReport {
  url: string;
  /** Why the page was not audited; absent when it was. */
  error?: string;
  /** Where a page that was not audited had gone on to, when elsewhere (a redirect or refresh to an address that failed). */
  finalUrl?: string;
  /** Elements failing each rule on the page (the findings list at most a few per rule). */
  failingElements: number;
  findings: A11yFinding[];
  /** Parts of the browser checks that could not run on the page (keyboard, reflow …), with the reason. */
  notChecked?: Array<{ area: PageCheckArea; reason: string }>;
}

/** The URLs given on the command line and in `--urls FILE` (one per line; blank lines and # comments skipped), each checked. */
export function readUrls(args: readonly string[], file?: string): string[] {
  const given = args.map((u, i) => ({ u, where: `argument ${i + 1}` }));
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`--urls ${file}: cannot be read`);
    }
    text.split(/\r?\n/).forEach((line, i) => {
      const u = line.trim();
      if (u && !u.startsWith('#')) given.push({ u, where: `${file}:${i + 1}` });
    });
  }
  if (!given.length) throw new UsageError('give the pages to audit: govscore a11y URL… or --urls FILE');
  for (const { u, where } of given) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(u);
    } catch {
      // reported below
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new UsageError(`${where}: "${u}" is not an http(s) address`);
  }
  return [...new Set(given.map((g) => g.u))];
}

export function pageReport(audit: PageAudit): A11yPageReport {
  if (audit.error || !audit.axe) {
    const elsewhere = audit.finalUrl && audit.finalUrl !== audit.url ? { finalUrl: audit.finalUrl } : {};
    return { url: audit.url, error: audit.error ?? 'not-audited', ...elsewhere, failingElements: 0, findings: [] };
  }
  const findings: A11yFinding[] = audit.axe.violations.flatMap((v) =>
    v.examples.map((e) => ({ rule: v.rule, wcag: v.wcag, impact: v.impact, selector: e.target, html: e.html, help: v.help })),
  );
  // The checks axe does not make (keyboard, focus, reflow, titles …); advisory ones (AAA) are left out here.
  const issues = (audit.checks?.issues ?? []).filter((i) => !('advisory' in pageChecks[i.check]));
  for (const issue of issues) {
    const check = pageChecks[issue.check];
    const examples = issue.examples.length ? issue.examples : [{ selector: 'html', html: issue.detail ?? '' }];
    // 疑似 (autoplay the browser held back, a change seen once): listed for the team to look at, not counted.
    const help = issue.suspected ? `疑似：${check.zh}（待人工确认）` : check.zh;
    const flag = issue.suspected ? { suspected: true as const } : {};
    for (const e of examples) findings.push({ rule: issue.check, wcag: [...check.wcag], impact: null, selector: e.selector, html: e.html, help, ...flag });
  }
  const failingElements = audit.axe.violations.reduce((n, v) => n + v.nodes, 0) + issues.reduce((n, i) => n + (i.suspected ? 0 : i.count), 0);
  const notChecked = audit.checks?.notChecked ?? [];
  return { url: audit.url, failingElements, findings, ...(notChecked.length ? { notChecked } : {}) };
}

const areaNames: Record<PageCheckArea, string> = { markup: '页面检查', motion: '动态内容检查', keyboard: '键盘检查', reflow: '重排检查', zoom: '文字放大检查' };

/** The report for a terminal, in Chinese: per page, the rules failing grouped by success criterion, with an element each. */
export function textReport(pages: readonly A11yPageReport[]): string {
  const lines: string[] = [];
  for (const page of pages) {
    if (page.error) {
      lines.push(`${page.url}\n  未能检测：${page.finalUrl ? `跳转到 ${page.finalUrl} 后，` : ''}${failureLabel(page.error)}（${page.error}）`);
      continue;
    }
    const rules = new Map<string, A11yFinding[]>();
    for (const f of page.findings) rules.set(f.rule, [...(rules.get(f.rule) ?? []), f]);
    const suspected = [...rules.values()].filter((found) => found.every((f) => f.suspected)).length;
    const failing = rules.size - suspected;
    const said = failing ? `${failing} 条规则不通过，${page.failingElements} 处元素` : suspected ? '未发现确定的问题' : '未发现问题';
    lines.push(`${page.url}\n  ${said}${suspected ? `；另有 ${suspected} 项疑似问题，待人工确认` : ''}`);
    for (const n of page.notChecked ?? []) lines.push(`  （${areaNames[n.area]}未能完成：${n.reason}）`);
    const byCriterion = new Map<string, A11yFinding[][]>();
    for (const found of rules.values()) {
      const key = found[0]!.wcag[0] ?? '最佳实践';
      byCriterion.set(key, [...(byCriterion.get(key) ?? []), found]);
    }
    for (const [criterion, groups] of [...byCriterion].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
      lines.push(`  ${criterion === '最佳实践' ? criterion : `WCAG ${criterionLabel(criterion)}`}`);
      for (const found of groups) {
        const f = found[0]!;
        lines.push(`    ${f.help}（${f.rule}${f.impact ? `，${impactNames[f.impact as keyof typeof impactNames]}` : ''}）`);
        for (const e of found) lines.push(`      ${e.selector}`);
      }
    }
  }
  return lines.join('\n');
}

/**
 * `govscore a11y URL… [--urls FILE] [--json]`: the accessibility pass on given pages, without a crawl —
 * what a web team runs after fixing what a report listed. Exit code 0 when every page was audited (with
 * or without findings), 1 when some page could not be.
 */
export async function a11y(o: { urls: string[]; urlsFile?: string; json: boolean; concurrency: number }): Promise<number> {
  const urls = readUrls(o.urls, o.urlsFile);
  const browser = await launchBrowser();
  try {
    const audits = await auditPages(browser, urls, {
      userAgent: defaultCollectOptions.userAgent,
      timeoutMs: defaultCollectOptions.timeoutMs,
      axeTimeoutMs: defaultCollectOptions.axeTimeoutMs,
      concurrency: o.concurrency,
    });
    const reports = audits.map(pageReport);
    console.log(o.json ? JSON.stringify(reports, null, 2) : textReport(reports));
    return reports.some((r) => r.error) ? 1 : 0;
  } finally {
    await browser.close();
  }
}
