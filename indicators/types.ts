import { type Static, Type } from '@sinclair/typebox';

/**
 * The indicator-set file format (YAML). `IndicatorSetSchema` is published as JSON Schema
 * (schemas/indicator-set.schema.json, `npm run schema`), so editors can check a set as it is typed.
 */
const Name = Type.Object(
  { zh: Type.String({ minLength: 1 }), en: Type.Optional(Type.String()) },
  { additionalProperties: false, description: 'names shown in reports: zh (required) and en' },
);
const Fraction = Type.Number({ minimum: 0, maximum: 1 });

export const VetoRule = Type.Object(
  {
    type: Type.Literal('veto'),
    atLeast: Type.Optional(Type.Number({ description: 'vetoed when the value is at least this' })),
    above: Type.Optional(Type.Number({ description: 'vetoed when the value is above this' })),
    warnAtLeast: Type.Optional(Type.Number({ description: 'early warning when the value is at least this' })),
    warnAbove: Type.Optional(Type.Number()),
    /** What a missing measurement (null) means: a veto (e.g. no dated item anywhere) or not measured. */
    missing: Type.Optional(Type.Union([Type.Literal('veto'), Type.Literal('not-measured')])),
    /**
     * What a veto resting on an absence (the finder searched and found nothing: no 办事服务 entry, no dated item,
     * no mailbox) means: `suspected` (default) — 疑似否决, awaiting a reviewer, publishing refused until decided;
     * `veto` — declared at once. Vetoes on measured evidence (a dated column, unanswered letters) are always declared.
     */
    absence: Type.Optional(
      Type.Union([Type.Literal('suspected'), Type.Literal('veto')], {
        description: 'a veto resting on "not found": suspected (default, awaits a reviewer) or veto (declared at once)',
      }),
    ),
    /**
     * `required`: a veto this measurement gives is only suspected (疑似否决) until a reviewer decides — for flags
     * automation cannot judge (V8: suspected wording errors and leaks); publishing is refused until decided.
     */
    review: Type.Optional(
      Type.Literal('required', { description: 'required: the veto is only suspected until a reviewer confirms or clears it (for automatic flags such as V8)' }),
    ),
  },
  { additionalProperties: false, description: 'single-item veto (单项否决): the site fails whatever its score' },
);
export const PerUnitRule = Type.Object(
  {
    type: Type.Literal('perUnit'),
    unit: Type.Number({ exclusiveMinimum: 0, description: 'size of one unit of the value' }),
    points: Type.Number({ minimum: 0, description: 'points deducted per unit' }),
    cap: Type.Number({ minimum: 0, description: 'most points deducted (also the indicator maximum)' }),
    from: Type.Optional(Type.Number({ description: 'no deduction below this value' })),
  },
  { additionalProperties: false, description: 'deduction per unit with a cap (扣分)' },
);
export const BelowRule = Type.Object(
  { type: Type.Literal('below'), threshold: Type.Number(), points: Type.Number({ minimum: 0 }) },
  { additionalProperties: false, description: 'a fixed deduction when the value is below the threshold' },
);
export const SteppedRule = Type.Object(
  {
    type: Type.Literal('stepped'),
    points: Type.Number({ exclusiveMinimum: 0, description: 'the indicator weight: points at score 1' }),
    steps: Type.Array(
      Type.Object(
        { atLeast: Type.Optional(Type.Number()), atMost: Type.Optional(Type.Number()), score: Fraction },
        { additionalProperties: false, description: 'the first step whose atLeast/atMost holds gives the score (0..1)' },
      ),
      { minItems: 1 },
    ),
    otherwise: Type.Optional(Fraction),
    /** A missing value (null) scores 0 (e.g. no dated item = not updated) instead of dropping out. */
    missing: Type.Optional(Type.Union([Type.Literal('zero'), Type.Literal('not-measured')])),
  },
  { additionalProperties: false, description: 'weighted 0..1 by steps: the first matching step, else `otherwise` (default 0)' },
);
export const LinearRule = Type.Object(
  {
    type: Type.Literal('linear'),
    points: Type.Number({ exclusiveMinimum: 0, description: 'the indicator weight: points at score 1' }),
    zeroAt: Type.Number({ description: 'value scoring 0' }),
    fullAt: Type.Number({ description: 'value scoring 1 (may be below zeroAt when lower is better)' }),
    /** A missing value (null) scores 0 (e.g. no dated item = not updated) instead of dropping out. */
    missing: Type.Optional(Type.Union([Type.Literal('zero'), Type.Literal('not-measured')])),
  },
  { additionalProperties: false, description: 'weighted 0..1, linear between zeroAt and fullAt, clamped' },
);
export const PointsRule = Type.Object(
  {
    type: Type.Literal('points'),
    points: Type.Number({ minimum: 0, description: 'points earned per unit' }),
    unit: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'size of one unit (default 1)' })),
    cap: Type.Optional(Type.Number({ minimum: 0, description: 'most points this indicator earns' })),
  },
  { additionalProperties: false, description: 'points earned per unit (bonus 加分, adoption points)' },
);

export const ruleSchemas = { veto: VetoRule, perUnit: PerUnitRule, below: BelowRule, stepped: SteppedRule, linear: LinearRule, points: PointsRule } as const;

export const IndicatorSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]*$' }),
    name: Name,
    category: Type.String({ minLength: 1 }),
    source: Type.String({
      pattern: '^(evaluator:[A-Za-z0-9_.]+|manual|import:[A-Za-z][A-Za-z0-9_]*)$',
      description: 'evaluator:<measurement path>, import:<column field>, or manual (a reviewer scores it)',
    }),
    findings: Type.Optional(Type.String()),
    /** How the measured value reads in reasons: 天, 个, 条; % shows a ratio as a percentage. */
    unit: Type.Optional(Type.String({ minLength: 1 })),
    rule: Type.Union([VetoRule, PerUnitRule, BelowRule, SteppedRule, LinearRule, PointsRule]),
    /** Sites the indicator applies to; for the others it is not applicable and its weight drops out. */
    appliesTo: Type.Optional(
      Type.Object(
        {
          services: Type.Optional(Type.Boolean({ description: 'only sites whose services flag equals this' })),
          level: Type.Optional(Type.Array(Type.Union([Type.Literal('government'), Type.Literal('department')]), { minItems: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** 整改建议: what a department should do when it loses points here, in plain words (shown in its report). */
    advice: Type.Optional(Type.String({ minLength: 1 })),
    note: Type.String({ minLength: 1, description: 'where every number of this indicator comes from' }),
  },
  { additionalProperties: false },
);

export const IndicatorSetSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    version: Type.String({ minLength: 1 }),
    title: Name,
    note: Type.Optional(Type.String()),
    /** The points of the scored categories (bonus categories excluded); their budgets add up to it. */
    total: Type.Number({ exclusiveMinimum: 0 }),
    categories: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
          name: Name,
          budget: Type.Number({ minimum: 0, description: 'the most points the category gives, or (bonus) adds' }),
          bonus: Type.Optional(
            Type.Object({ above: Type.Number({ description: 'bonus counted only when the score before it is above this' }) }, { additionalProperties: false }),
          ),
          note: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    grades: Type.Array(
      Type.Object(
        { id: Type.String(), name: Name, below: Type.Optional(Type.Number({ description: 'the band holds scores below this' })) },
        { additionalProperties: false },
      ),
      { minItems: 1, description: 'bands from the lowest up; the first is the failing band (and the band of a vetoed site)' },
    ),
    indicators: Type.Array(IndicatorSchema, { minItems: 1 }),
  },
  { additionalProperties: false, title: 'govscore indicator set' },
);

export type IndicatorSetFile = Static<typeof IndicatorSetSchema>;
export type Indicator = Static<typeof IndicatorSchema>;
export type Rule = Indicator['rule'];
export type Category = IndicatorSetFile['categories'][number];

export interface IndicatorSet extends IndicatorSetFile {
  sha256: string;
  file: string;
  /** The file's text as read: stored with the first score computed under it. */
  text: string;
}

/** How a category turns its indicators into points (decided by its rules; see categoryMode). */
export type CategoryMode = 'veto' | 'deduction' | 'weighted' | 'earned' | 'bonus';
