import { pendingGrade } from '../indicators/engine.js';
import { type Html, html } from './html.js';

/**
 * The one grade palette: what colour a grade, a veto, 待复核 or "not assessed" is drawn in, in the charts
 * (reports/charts), the reports' tags (reports/html-parts.ts) and the web app's tags (served after app.css).
 * The CSS is generated from it (gradeStyles); nothing else decides a grade colour.
 *
 * Chosen so that white 13 px text on each reads at 4.5:1 or more (a bar against white needs 3:1), and so that
 * every two stay apart (CIEDE2000 ≥ 12) for normal vision and as protanopes, deuteranopes and tritanopes see
 * them (test/unit/reports/grade-palette.test.ts checks both). Warm for failing, ochre for a pass, blue and green
 * above; the veto darker than 不合格, not assessed grey. The label beside each colour is the other cue.
 */
export const gradePalette = {
  excellent: { colour: '#2f6445', label: '优秀' },
  good: { colour: '#1f68d1', label: '良好' },
  pass: { colour: '#916804', label: '合格' },
  fail: { colour: '#8b1d07', label: '不合格' },
  pending: { colour: '#7b2371', label: pendingGrade.name },
  vetoed: { colour: '#3b1512', label: '单项否决' },
  'not-assessed': { colour: '#767676', label: '未评估' },
} as const satisfies Record<string, { colour: string; label: string }>;

export type GradeTone = keyof typeof gradePalette;

/** The grade ids of the presets (indicators/presets/*.yaml) and the grade names offices use, by tone. */
const toneOfGrade: Record<string, GradeTone> = {
  excellent: 'excellent',
  优秀: 'excellent',
  优: 'excellent',
  good: 'good',
  良好: 'good',
  良: 'good',
  pass: 'pass',
  合格: 'pass',
  fair: 'pass',
  一般: 'pass',
  中: 'pass',
  中等: 'pass',
  及格: 'pass',
  fail: 'fail',
  不合格: 'fail',
  poor: 'fail',
  较差: 'fail',
  差: 'fail',
  不及格: 'fail',
  [pendingGrade.id]: 'pending',
  [pendingGrade.name]: 'pending',
};

/**
 * The tone of a grade, by its id or its name. A failing grade is 不合格's colour whatever its name (a set's
 * lowest band, or 良 for a vetoed site in scores stored before vetoes took the lowest band); a passing grade
 * the palette does not know is 合格's.
 */
export function gradeTone(grade: string | null | undefined, passed: boolean): GradeTone {
  const known = grade ? toneOfGrade[grade.trim()] : undefined;
  if (known === 'pending') return known;
  if (!passed) return 'fail';
  return known && known !== 'fail' ? known : 'pass';
}

export const gradeColour = (tone: GradeTone): string => gradePalette[tone].colour;

/** A site's grade as a coloured tag: 未评估 when it was not assessed; `label` is the text shown (default: the grade). */
export function gradeTag(site: { assessed: boolean; passed: boolean; grade: string | null }, label = site.grade): Html {
  if (!site.assessed) return html`<span class="tag grade-not-assessed">${gradePalette['not-assessed'].label}</span>`;
  if (!label) return html``;
  return html`<span class="tag grade-${gradeTone(site.grade, site.passed)}">${label}</span>`;
}

/**
 * The palette as CSS for the reports and the web app: a custom property per tone (--grade-pass …, which their
 * stylesheets use for notes and rows), a tag class per tone (tag grade-pass), and the veto, 疑似否决 and 待复核 tags.
 */
export function gradeStyles(): string {
  const tones = Object.entries(gradePalette) as Array<[GradeTone, { colour: string }]>;
  return [
    `:root{${tones.map(([tone, { colour }]) => `--grade-${tone}:${colour}`).join(';')}}`,
    ...tones.map(([tone]) => `.tag.grade-${tone}{background:var(--grade-${tone})}`),
    '.tag.veto{background:var(--grade-vetoed)}',
    '.tag.suspected-veto,.tag.pending-review{background:var(--grade-pending)}',
  ].join('\n');
}
