import { subject, urlSubject } from '../evaluators/lib/finding-subject.js';
import type { Finding } from '../indicators/engine.js';

/**
 * A finding's identity across runs, the one way it is made: `site/indicator/subject`, e.g.
 * `jyj/D1/link://jyj.example.gov.cn/files/a.pdf`, `jyj/V3/column://jyj.example.gov.cn/tzgg/`,
 * `jyj/A2/axe:color-contrast`. The subject (what the finding is about) is declared where the finding is
 * made (EvaluatorFinding.subject); wording, counts, dates, screenshots and order play no part. Site ids
 * and indicator ids hold no `/`, so the first two parts are unambiguous.
 *
 * A finding of a score stored before subjects were kept has none: its key is derived from its address,
 * else its wording, and marked `legacy:` — it matches only the same derivation, never a current key.
 */
export function findingKey(siteId: string, indicatorId: string, finding: Pick<Finding, 'subject' | 'url' | 'message'>): string {
  const about = finding.subject ?? subject('legacy', finding.url ? urlSubject(finding.url) : finding.message);
  return `${siteId}/${indicatorId}/${about}`;
}
