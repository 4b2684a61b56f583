import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';

import { loadIndicatorSet } from '../../../indicators/load.js';
import { bandsFromGrades, type ChartResults, distributionChart, rankingChart } from '../../../reports/charts/specs.js';
import { gradeColour, gradePalette, gradeStyles, gradeTag, type GradeTone, gradeTone } from '../../../reports/grade-palette.js';
import { html } from '../../../reports/html.js';
import { page } from '../../../reports/html-parts.js';
import { assetRoutes } from '../../../server/app/web/assets.js';
import { contrast, deltaE2000, lab, visions } from './colour-vision.js';

const tones = Object.keys(gradePalette) as GradeTone[];

describe('the grade palette', () => {
  it('the colour arithmetic it is checked with gives the published figures', () => {
    // CIEDE2000: the first pair of Sharma, Wu and Dalal's test data; WCAG: black on white is 21:1.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(lab('#ffffff', 'normal')[0]).toBeCloseTo(100, 3);
  });

  it('white tag text reads on every colour (4.5:1), so a bar stands out against white (3:1) too', () => {
    for (const tone of tones) expect(contrast(gradePalette[tone].colour, '#ffffff'), tone).toBeGreaterThanOrEqual(4.5);
  });

  it('every two colours stay apart for normal vision and as protanopes, deuteranopes and tritanopes see them', () => {
    for (const vision of Object.keys(visions) as Array<keyof typeof visions>)
      for (const [i, a] of tones.entries())
        for (const b of tones.slice(i + 1))
          expect(deltaE2000(lab(gradePalette[a].colour, vision), lab(gradePalette[b].colour, vision)), `${a} / ${b}, ${vision}`).toBeGreaterThanOrEqual(12);
  });

  it('names the presets’ grades by id and name; a failing grade is 不合格’s colour, an unknown passing one 合格’s', () => {
    for (const id of ['national-2019', 'annual-performance', 'info-reporting'])
      for (const [i, grade] of loadIndicatorSet(id).grades.entries()) {
        const passed = i > 0;
        expect(gradeTone(grade.id, passed), `${id} ${grade.id}`).toBe(gradeTone(grade.name.zh, passed));
        expect(gradeTone(grade.name.zh, passed)).toBe(passed ? { pass: 'pass', fair: 'pass', good: 'good', excellent: 'excellent' }[grade.id] : 'fail');
      }
    expect(gradeTone('良', false)).toBe('fail');
    expect(gradeTone('待复核', false)).toBe('pending');
    expect(gradeTone('甲等', true)).toBe('pass');
  });
});

/** Sites of every grade of annual-performance, one vetoed and one awaiting review: what a ranking chart draws. */
const results: ChartResults = {
  sites: (
    [
      ['a', 95, '优秀', true, 1, false, false],
      ['b', 85, '良好', true, 2, false, false],
      ['c', 70, '合格', true, 3, false, false],
      ['d', 50, '不合格', false, 4, false, false],
      ['e', 88, '不合格', false, 5, true, false],
      ['f', 78, '待复核', false, null, false, true],
    ] as const
  ).map(([id, score, grade, passed, rank, vetoed, pending]) => ({
    id,
    name: `网站${id}`,
    group: '市直部门',
    status: 'assessed',
    score,
    grade,
    passed,
    rank,
    vetoes: vetoed ? [{ indicator: 'X1', reason: '站点无法访问' }] : [],
    pendingReview: pending,
    categories: [],
  })),
};

describe('the charts take their colours from the palette', () => {
  /** Each legend entry of a ranking chart with the colour its scale gives it. */
  const rankingColours = (r: ChartResults, setId: string) => {
    const set = loadIndicatorSet(setId);
    const spec = rankingChart(r, '市直部门', bandsFromGrades(set.grades, set.total)) as unknown as {
      layer: Array<{ encoding?: { color?: { scale: { domain: string[]; range: string[] } } } }>;
    };
    const { domain, range } = spec.layer[0]!.encoding!.color!.scale;
    return Object.fromEntries(domain.map((entry, i) => [entry, range[i]]));
  };

  it('a ranking chart: each grade, the veto and 待复核 in the palette’s colour', () => {
    expect(rankingColours(results, 'annual-performance')).toEqual({
      不合格: gradeColour('fail'),
      合格: gradeColour('pass'),
      良好: gradeColour('good'),
      优秀: gradeColour('excellent'),
      单项否决: gradeColour('vetoed'),
      待复核: gradeColour('pending'),
    });
  });

  it('合格 keeps its colour under a set with three grades (it was the second of three colours there, of four here)', () => {
    const national = { sites: results.sites.filter((s) => s.grade !== '优秀') };
    expect(rankingColours(national, 'national-2019')).toMatchObject({ 不合格: gradeColour('fail'), 合格: gradeColour('pass'), 良好: gradeColour('good') });
  });

  it('the distribution chart shades each grade band in its colour and stacks vetoed sites in the veto’s', () => {
    const set = loadIndicatorSet('annual-performance');
    const spec = distributionChart(results, bandsFromGrades(set.grades, set.total)) as unknown as {
      layer: Array<{ data?: { values: Array<{ band?: string; colour?: string }> }; encoding?: { color?: { scale: { domain: string[]; range: string[] } } } }>;
    };
    expect(Object.fromEntries(spec.layer[0]!.data!.values.map((b) => [b.band, b.colour]))).toEqual({
      不合格: gradeColour('fail'),
      合格: gradeColour('pass'),
      良好: gradeColour('good'),
      优秀: gradeColour('excellent'),
    });
    const bars = spec.layer[2]!.encoding!.color!.scale;
    expect(bars.range[bars.domain.indexOf('单项否决')]).toBe(gradeColour('vetoed'));
  });
});

describe('the CSS the reports emit and the web app serves holds the same colours', () => {
  const declared = (css: string) => Object.fromEntries([...css.matchAll(/--grade-([a-z-]+):(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]));
  const palette = Object.fromEntries(tones.map((tone) => [tone, gradePalette[tone].colour]));

  it('a report page declares every tone’s colour and a tag class using it', () => {
    const report = page('报告', html`<p>${gradeTag({ assessed: true, passed: true, grade: '合格' })}</p>`);
    expect(declared(report)).toEqual(palette);
    for (const tone of tones) expect(report).toContain(`.tag.grade-${tone}{background:var(--grade-${tone})}`);
    expect(report).toContain('<span class="tag grade-pass">合格</span>');
  });

  it('/assets/app.css ends with the palette, and sets no veto, 疑似否决 or 待复核 colour of its own', async () => {
    const app = Fastify();
    await app.register(assetRoutes);
    const css = (await app.inject('/assets/app.css')).body;
    await app.close();
    expect(declared(css)).toEqual(palette);
    expect(css.trimEnd().endsWith(gradeStyles())).toBe(true);
    const ownPart = css.slice(0, css.indexOf(gradeStyles()));
    expect(ownPart).not.toMatch(/\.tag\.(veto|suspected-veto|pending-review|grade-)/);
  });

  it('grade tags: the grade’s tone, 不合格’s for a failing grade whatever its name, 未评估 for a site not assessed', () => {
    expect(gradeTag({ assessed: true, passed: true, grade: '良好' }).value).toBe('<span class="tag grade-good">良好</span>');
    expect(gradeTag({ assessed: true, passed: false, grade: '良' }, '良（不合格）').value).toBe('<span class="tag grade-fail">良（不合格）</span>');
    expect(gradeTag({ assessed: true, passed: false, grade: '待复核' }).value).toBe('<span class="tag grade-pending">待复核</span>');
    expect(gradeTag({ assessed: false, passed: false, grade: null }).value).toBe('<span class="tag grade-not-assessed">未评估</span>');
  });
});
