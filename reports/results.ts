import type { SiteSample } from '../common/site-sample.js';
import type { Absence } from '../evaluators/absences.js';
import type { AccessibilityMeasurement } from '../evaluators/accessibility.js';
import type { AvailabilityMeasurement } from '../evaluators/availability.js';
import { failureLabel, isRetryable } from '../evaluators/collect/failures.js';
import type { PageBudgetUse } from '../evaluators/collect/page-budget.js';
import type { DisclosureMeasurement } from '../evaluators/disclosure.js';
import type { IdentityMeasurement } from '../evaluators/identity.js';
import type { Ipv6Measurement } from '../evaluators/ipv6.js';
import type { LinksMeasurement } from '../evaluators/links.js';
import type { MailboxMeasurement } from '../evaluators/mailbox.js';
import type { NewMediaMeasurement } from '../evaluators/new-media.js';
import type { PageChecksMeasurement } from '../evaluators/page-checks.js';
import type { PolicyDocumentsMeasurement } from '../evaluators/policy-documents.js';
import type { ReportingMeasurement, ReportingObservation } from '../evaluators/reporting.js';
import type { ResponsivenessMeasurement } from '../evaluators/responsiveness.js';
import type { ServicesMeasurement } from '../evaluators/services.js';
import type { TextChecksMeasurement } from '../evaluators/text-checks.js';
import type { ColumnMeasurement, HomepageMeasurement, UpdateFrequencyMeasurement } from '../evaluators/update-frequency.js';
import type { WebsiteReportMeasurement } from '../evaluators/website-report.js';
import type { CategoryScore, Finding, IndicatorScore, IndicatorStatus, SiteScore } from '../indicators/engine.js';
import { findingKey } from './finding-key.js';

export type SiteStatus = 'assessed' | 'unreachable' | 'blocked' | 'error';

export interface SiteInput {
  id: string;
  name: string;
  group: string;
  url: string;
  status: SiteStatus;
  statusReason: string | null;
  score: SiteScore | null;
  update: UpdateFrequencyMeasurement | null;
  availability: AvailabilityMeasurement | null;
  responsiveness?: ResponsivenessMeasurement | null;
  links: LinksMeasurement | null;
  disclosure?: DisclosureMeasurement | null;
  mailbox?: MailboxMeasurement | null;
  services?: ServicesMeasurement | null;
  identity?: IdentityMeasurement | null;
  accessibility?: AccessibilityMeasurement | null;
  pageChecks?: PageChecksMeasurement | null;
  ipv6?: Ipv6Measurement | null;
  /** Suspected wording errors and personal data leaks (evaluators/text-checks.ts). */
  textChecks?: TextChecksMeasurement | null;
  /** The site's registered 政务新媒体 accounts judged on the evaluation date (listed for a site not assessed too). */
  newMedia?: NewMediaMeasurement | null;
  /** The website's own annual report, and the policy documents' validity marks and 解读 (evaluators/website-report.ts, policy-documents.ts). */
  websiteReport?: WebsiteReportMeasurement | null;
  policyDocuments?: PolicyDocumentsMeasurement | null;
  /** 政务信息报送 of an imported run: the table row and what the evaluator made of it. */
  reporting?: { row: ReportingObservation; measurement: ReportingMeasurement } | null;
  /**
   * Pages recorded, robots.txt as applied, and the page budget as used: the limit (--max-pages), the pages opened,
   * the page loads refused and by what they were for (null in runs stored before it was kept).
   */
  crawl: { pages: number; robots: string | null; budget: PageBudgetUse | null } | null;
}

export interface AssessmentInfo {
  runId: string;
  name: string;
  asOf: string;
  indicatorSet: { id: string; version: string; sha256: string; title: string };
  /** How the crawl behaved: its user agent and whether robots.txt was respected (an office may override it). */
  crawl: { userAgent: string; robots: 'respect' | 'ignore' };
  /** Folder of the screenshots, relative to results.json; findings name files inside it. */
  evidenceDir: string;
  generatedAt: string;
  /** Present when the run assessed a random sample of the sites file (a spot check), absent otherwise. */
  sample?: SiteSample;
  /** The dictionaries of the wording check, by file and sha256 (their text is stored with the run); absent in runs before them. */
  textDictionaries?: { source: string; files: Array<{ name: string; sha256: string }> } | null;
  /** The 政务新媒体 register stored with the run (its file, sha256 and account count), absent when none was given. */
  newMedia?: { file: string; sha256: string; sheet: string | null; accounts: number };
}

/** One indicator of one site as published: its score, what it rests on, and a reviewer's decision if any. */
export interface ResultsIndicator {
  id: string;
  name: string;
  category: string;
  score: number | null;
  max: number | null;
  deduction: number;
  value: number | null;
  /** The value is not known but at least this, which already settles the rule (pages that could not be read can only add). */
  lowerBound: number | null;
  status: IndicatorStatus;
  reason: string | null;
  override: IndicatorScore['override'] | null;
  absence: Absence | null;
  /** The set's 整改建议 for this indicator. */
  advice: string | null;
  findings: ResultsFinding[];
  /** Findings a reviewer dismissed (误报, 接受的例外) that stay dismissed in this run; a lapsed one is among `findings`, marked. */
  dismissed?: ResultsFinding[];
  /** Whether the dismissed findings were taken out of the value scored (the rule counts findings one by one); null when none. */
  dismissalsScored?: boolean | null;
}

/** A finding as published: with its key, by which a later run tells it new, fixed or unchanged (reports/finding-key.ts). */
export interface ResultsFinding extends Finding {
  /** `site/indicator/subject`: the same in every run while the problem is the same. */
  key: string;
}

/** One column as measured for update frequency. */
export interface ResultsColumn {
  name: string;
  url: string;
  kind: ColumnMeasurement['kind'];
  /** 动态要闻、通知公告、政策文件 (windows of 2 weeks / 6 months) rather than another column (a year). */
  keyColumn: boolean;
  itemCount: number;
  datedItems: number;
  latest: string | null;
  windowDays: number;
  /** null: not measured — it looks stale, but some of its pages could not be read. */
  stale: boolean | null;
  blank: boolean;
}

/** What the evaluators measured on a site, as published (long lists cut: 50 reply latencies). */
export interface ResultsObservations {
  homepage: HomepageMeasurement | null;
  columns: ResultsColumn[];
  excludedColumns: Array<{ name: string; url: string }>;
  disclosure: DisclosureMeasurement | null;
  mailbox: MailboxMeasurement | null;
  services: ServicesMeasurement | null;
  identity: IdentityMeasurement | null;
  accessibility:
    | (Omit<AccessibilityMeasurement, 'violations'> & {
        violations: Array<
          Pick<
            AccessibilityMeasurement['violations'][number],
            'rule' | 'impact' | 'level' | 'wcag21AA' | 'pages' | 'nodes' | 'wcag' | 'help' | 'urls' | 'examples' | 'templates'
          >
        >;
      })
    | null;
  /** The browser checks axe does not make (keyboard, focus, reflow, titles, bypass, form groups). */
  pageChecks: PageChecksMeasurement | null;
  /** IPv6 readiness: the host's IPv6 address, the homepage and a sample of its pages over IPv6. */
  ipv6: Ipv6Measurement | null;
  /** Suspected wording errors and personal data leaks, with their quotes (numbers masked); null: no page text kept. */
  textChecks: TextChecksMeasurement | null;
  /** 政务新媒体: the site's accounts from the office's register (null: none registered). */
  newMedia: NewMediaMeasurement | null;
  /** The website's own annual report as found (null: not measured; absent in results written before it was looked for). */
  websiteReport?: WebsiteReportMeasurement | null;
  /** The policy documents and 解读 read: validity marks, links between them, working days (null: not measured; absent in older results). */
  policyDocuments?: PolicyDocumentsMeasurement | null;
  links: Pick<LinksMeasurement, 'checked' | 'blocked' | 'rateLimited' | 'brokenOnHomepage' | 'brokenElsewhere' | 'broken'> | null;
  reporting: { row: ReportingObservation; measurement: ReportingMeasurement } | null;
  availability: Pick<AvailabilityMeasurement, 'probes' | 'failures' | 'failureRatio' | 'monitored'> | null;
  responsiveness: ResponsivenessMeasurement | null;
}

/** One site in results.json. A site not assessed has its status and reason, and no score. */
export interface ResultsSite {
  id: string;
  name: string;
  group: string;
  url: string;
  status: SiteStatus;
  statusReason: string | null;
  /** The reason in Chinese, for a site not assessed. */
  statusLabel: string | null;
  /** Whether trying the site again may help (a timeout, not a refusal). */
  retryable: boolean | null;
  score: number | null;
  grade: string | null;
  passed: boolean;
  rank: number | null;
  /** Confirmed vetoes (measured, or confirmed by a reviewer). */
  vetoes: SiteScore['vetoes'];
  /** 疑似否决: vetoes resting on "not found", with what was searched and where; they await a reviewer. */
  suspectedVetoes: SiteScore['suspectedVetoes'];
  /** The outcome waits on a reviewer (grade 待复核, passed false, rank null); publishing is refused meanwhile. */
  pendingReview: boolean;
  warnings: SiteScore['warnings'];
  categories: CategoryScore[];
  /** Score before the bonus (rescaled when categories do not apply), the bonus, and the scale used. */
  base: number | null;
  bonus: number | null;
  scale: number | null;
  notMeasured: string[];
  indicators: ResultsIndicator[];
  observations: ResultsObservations;
  crawl: SiteInput['crawl'];
}

/** results.json (README, Outputs; JSON Schema in schemas/results.schema.json): measurements not collected are null, not invented. */
export interface Results {
  assessment: AssessmentInfo;
  sites: ResultsSite[];
}

/** `advice`: the set's 整改建议 per indicator id, carried into every site's indicators for its report. */
export function buildResults(
  assessment: AssessmentInfo,
  sites: SiteInput[],
  ranks: Map<string, number | null>,
  advice: ReadonlyMap<string, string> = new Map(),
): Results {
  return {
    assessment,
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      group: s.group,
      url: s.url,
      status: s.status,
      statusReason: s.statusReason,
      statusLabel: s.status === 'assessed' ? null : failureLabel(s.statusReason ?? 'error'),
      retryable: s.status === 'assessed' ? null : isRetryable(s.statusReason ?? 'error'),
      score: s.status === 'assessed' ? (s.score?.score ?? null) : null,
      grade: s.status === 'assessed' ? (s.score?.grade.name ?? null) : null,
      passed: s.status === 'assessed' ? (s.score?.passed ?? false) : false,
      rank: ranks.get(s.id) ?? null,
      vetoes: s.score?.vetoes ?? [],
      suspectedVetoes: s.score?.suspectedVetoes ?? [],
      pendingReview: s.status === 'assessed' ? (s.score?.pendingReview ?? false) : false,
      warnings: s.score?.warnings ?? [],
      categories: s.score?.categories ?? [],
      base: s.status === 'assessed' ? (s.score?.base ?? null) : null,
      bonus: s.status === 'assessed' ? (s.score?.bonus ?? null) : null,
      scale: s.status === 'assessed' ? (s.score?.scale ?? null) : null,
      notMeasured: s.score?.notMeasured ?? [],
      indicators: (s.score?.indicators ?? []).map((i) => ({
        id: i.id,
        name: i.name,
        category: i.category,
        score: i.score,
        max: i.max,
        deduction: i.deduction,
        value: i.value,
        lowerBound: i.lowerBound ?? null,
        status: i.status,
        reason: i.reason ?? null,
        override: i.override ?? null,
        absence: i.absence ?? null,
        advice: advice.get(i.id) ?? null,
        findings: i.findings.map((f) => ({ ...f, key: findingKey(s.id, i.id, f) })),
        dismissed: (i.dismissed ?? []).map((f) => ({ ...f, key: findingKey(s.id, i.id, f) })),
        dismissalsScored: i.dismissed?.length ? (i.dismissalsScored ?? false) : null,
      })),
      observations: {
        homepage: s.update?.homepage ?? null,
        columns: (s.update?.columns ?? []).map((c) => ({
          name: c.name,
          url: c.url,
          kind: c.kind,
          keyColumn: c.keyColumn,
          itemCount: c.itemCount,
          datedItems: c.datedItems,
          latest: c.latest,
          windowDays: c.windowDays,
          stale: c.stale,
          blank: c.blank,
        })),
        excludedColumns: s.update?.excludedColumns ?? [],
        disclosure: s.disclosure ?? null,
        mailbox: s.mailbox ? { ...s.mailbox, latencies: s.mailbox.latencies.slice(0, 50) } : null,
        services: s.services ?? null,
        identity: s.identity ?? null,
        pageChecks: s.pageChecks ?? null,
        ipv6: s.ipv6 ?? null,
        textChecks: s.textChecks ?? null,
        newMedia: s.newMedia ?? null,
        websiteReport: s.websiteReport ?? null,
        policyDocuments: s.policyDocuments ?? null,
        accessibility: s.accessibility
          ? {
              pagesScanned: s.accessibility.pagesScanned,
              pagesUnfinished: s.accessibility.pagesUnfinished,
              unfinishedUrls: s.accessibility.unfinishedUrls,
              seriousRules: s.accessibility.seriousRules,
              failingRules: s.accessibility.failingRules,
              failedCriteria: s.accessibility.failedCriteria,
              seriousRulesAnyLevel: s.accessibility.seriousRulesAnyLevel,
              failingRulesAnyLevel: s.accessibility.failingRulesAnyLevel,
              wcag22Rules: s.accessibility.wcag22Rules,
              wcagAAACriteria: s.accessibility.wcagAAACriteria,
              bestPracticeRules: s.accessibility.bestPracticeRules,
              violations: s.accessibility.violations.map((v) => ({
                rule: v.rule,
                impact: v.impact,
                level: v.level,
                wcag21AA: v.wcag21AA,
                pages: v.pages,
                nodes: v.nodes,
                wcag: v.wcag,
                help: v.help,
                urls: v.urls,
                examples: v.examples,
                templates: v.templates,
              })),
              lighthouse: s.accessibility.lighthouse,
            }
          : null,
        links: s.links
          ? {
              checked: s.links.checked,
              blocked: s.links.blocked,
              rateLimited: s.links.rateLimited,
              brokenOnHomepage: s.links.brokenOnHomepage,
              brokenElsewhere: s.links.brokenElsewhere,
              broken: s.links.broken,
            }
          : null,
        reporting: s.reporting ?? null,
        availability: s.availability
          ? { probes: s.availability.probes, failures: s.availability.failures, failureRatio: s.availability.failureRatio, monitored: s.availability.monitored }
          : null,
        responsiveness: s.responsiveness ?? null,
      },
      crawl: s.crawl,
    })),
  };
}
