import { describeSkin, type Skin, skinFor } from '../render/skin/skin.js';
import { addEvaluatorFigures, type EvaluatorFigures, evaluatorLine } from './evaluator-compare.js';
import type { PortalFigures } from './portal-figures.js';

/** Accuracy over some portal runs, per measurement. */
export interface Summary {
  portals: number;
  failures: number;
  truthColumns: number;
  columnsFound: number;
  latestExact: number;
  staleCorrect: number;
  blankCorrect: number;
  columnsExact: number;
  extraColumns: number;
  homepageCorrect: number;
  truthVetoes: number;
  falseVetoes: number;
  falseSuspected: number;
  missedVetoes: number;
  /** Disclosure, mailbox, services and identity checks, per measurement. */
  evaluators: EvaluatorFigures;
  line: string;
  /** The evaluator checks per measurement, on one line. */
  evaluatorLine: string;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');

export function summarize(figures: PortalFigures[]): Summary {
  const sum = (f: (x: PortalFigures) => number) => figures.reduce((t, x) => t + f(x), 0);
  const s = {
    portals: figures.length,
    failures: sum((f) => (f.failure ? 1 : 0)),
    truthColumns: sum((f) => f.columns.total),
    columnsFound: sum((f) => f.columns.found),
    latestExact: sum((f) => f.columns.latestExact),
    staleCorrect: sum((f) => f.columns.staleCorrect),
    blankCorrect: sum((f) => f.columns.blankCorrect),
    columnsExact: sum((f) => f.columns.correct),
    extraColumns: sum((f) => f.columns.extra),
    homepageCorrect: sum((f) => (f.homepage.correct ? 1 : 0)),
    truthVetoes: sum((f) => f.vetoes.expected.length),
    falseVetoes: sum((f) => f.vetoes.falseConfirmed.length),
    falseSuspected: sum((f) => f.vetoes.falseSuspected.length),
    missedVetoes: sum((f) => f.vetoes.missed.length),
  };
  const evaluators = addEvaluatorFigures(figures.map((f) => f.evaluators ?? {}));
  const checks = Object.values(evaluators).reduce((t, e) => ({ correct: t.correct + e.correct, total: t.total + e.total }), { correct: 0, total: 0 });
  const line = [
    `columns found ${s.columnsFound}/${s.truthColumns}`,
    `latest exact ${pct(s.latestExact, s.truthColumns)}`,
    `stale ok ${s.staleCorrect}/${s.truthColumns}`,
    `blank ok ${s.blankCorrect}/${s.truthColumns}`,
    `all facts ${s.columnsExact}/${s.truthColumns}`,
    `extra ${s.extraColumns}`,
    `homepage ${s.homepageCorrect}/${s.portals}`,
    `false vetoes ${s.falseVetoes} (+${s.falseSuspected} suspected)`,
    `missed ${s.missedVetoes}/${s.truthVetoes}`,
    `evaluator checks ${checks.correct}/${checks.total}`,
    s.failures ? `FAILED ${s.failures}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return { ...s, evaluators, line, evaluatorLine: evaluatorLine(evaluators) };
}

/** Per family across skins, then the overall line. */
export function figureTable(all: PortalFigures[]): string {
  const families = [...new Set(all.map((f) => f.id))];
  const rows = families.map((id) => `  ${id.padEnd(5)} ${summarize(all.filter((f) => f.id === id)).line}`);
  return ['per family:', ...rows, `overall: ${summarize(all).line}`].join('\n');
}

/** The Markdown status for the page reader's developers: figures, then every wrong measurement with its markup. */
export function statusNotes(all: PortalFigures[], run: { commit: string; seconds: number; asOf: string; skins?: string; maxPages?: number }): string {
  const skins = [...new Set(all.map((f) => f.skin))];
  const out = [
    '# Sample portals under skins: what the crawler gets wrong',
    '',
    `Written by \`npm run skins\` (scripts/skins-accuracy.ts) at ${new Date().toISOString().slice(0, 16)}Z on \`${run.commit}\` (working tree as it was), asOf ${run.asOf}, ${Math.round(run.seconds)} s${run.skins ? ` (${run.skins})` : ''}${run.maxPages ? `, page budget ${run.maxPages} per site` : ''}.`,
    'Reproduce one skin: `npm run portals -- --skin N --as-of ' +
      run.asOf +
      '` and open the paths below; `npm run skins -- --seeds N --families ID --notes FILE`.',
    '',
    '## Figures',
    '',
    '| skin | result |',
    '|---|---|',
    ...skins.map((s) => `| ${s} | ${summarize(all.filter((f) => f.skin === s)).line} |`),
    `| **all** | ${summarize(all).line} |`,
    '',
    '| skin | evaluators (disclosure, mailbox, services, identity) |',
    '|---|---|',
    ...skins.map((s) => `| ${s} | ${summarize(all.filter((f) => f.skin === s)).evaluatorLine} |`),
    '',
    ...choiceTable(all),
    '',
    '## Per skin',
  ];
  for (const skin of skins) {
    out.push('', `### skin ${skin}`, '', `\`${describeSkin(skinFor(skin))}\``, '');
    for (const f of all.filter((x) => x.skin === skin)) {
      const evaluatorsWrong = Object.entries(f.evaluators ?? {}).flatMap(([name, t]) => t.wrong.map((w) => `${name} — ${w}`));
      const ok =
        !f.failure &&
        f.columns.wrong.length === 0 &&
        f.homepage.correct &&
        !f.vetoes.falseConfirmed.length &&
        !f.vetoes.falseSuspected.length &&
        !f.vetoes.missed.length &&
        !evaluatorsWrong.length;
      out.push(`- **${f.id}** ${ok ? 'all right' : ''} (${f.columns.correct}/${f.columns.total} columns exact, ${f.pages} pages, ${f.seconds} s)`);
      if (!ok) for (const l of f.evidence ?? []) out.push(`  ${l}`);
      for (const w of evaluatorsWrong) out.push(`  - evaluator: ${w}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Each skin choice, read off the skins that made it: which markup the crawler fails on. */
const choices: Record<string, (s: Skin) => string> = {
  names: (s) => s.names,
  nav: (s) => s.nav,
  links: (s) => s.links,
  list: (s) => s.list,
  split: (s) => (s.splitRows ? 'split' : 'one block'),
  'category tag': (s) => (s.categoryTag ? 'tag' : 'none'),
  more: (s) => s.more,
  'list date': (s) => `${s.listDate.format}${s.listDate.brackets ? '[]' : ''}${s.listDate.withTime ? '+time' : ''}`,
  'date placement': (s) => s.listDate.placement,
  'article date': (s) => s.articleDate,
  'article meta': (s) => s.articleMeta,
  breadcrumb: (s) => s.breadcrumb,
  float: (s) => s.layout.content,
};

function choiceTable(all: PortalFigures[]): string[] {
  const skinned = all.filter((f) => f.skin !== 'classic');
  if (!skinned.length) return [];
  const rows = [
    '## By skin choice (non-classic skins that made it)',
    '',
    '| choice | value | skins | columns found | latest exact | homepage | false vetoes | missed |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, pick] of Object.entries(choices)) {
    const groups = new Map<string, PortalFigures[]>();
    for (const f of skinned) {
      const value = pick(skinFor(f.skin));
      groups.set(value, [...(groups.get(value) ?? []), f]);
    }
    for (const [value, fs] of [...groups].sort()) {
      const s = summarize(fs);
      const skins = new Set(fs.map((f) => f.skin)).size;
      rows.push(
        `| ${name} | ${value} | ${skins} | ${pct(s.columnsFound, s.truthColumns)} | ${pct(s.latestExact, s.truthColumns)} | ${s.homepageCorrect}/${s.portals} | ${s.falseVetoes} | ${s.missedVetoes}/${s.truthVetoes} |`,
      );
    }
  }
  return rows;
}
