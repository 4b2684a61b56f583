import { Type, type Static } from '@sinclair/typebox';

/** The indicator-set file format (YAML). Published as JSON Schema via `IndicatorSetSchema`. */
const Name = Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.Optional(Type.String()) }, { additionalProperties: false });

export const VetoRule = Type.Object(
  {
    type: Type.Literal('veto'),
    atLeast: Type.Optional(Type.Number()),
    above: Type.Optional(Type.Number()),
    warnAtLeast: Type.Optional(Type.Number()),
    warnAbove: Type.Optional(Type.Number()),
    /** What a missing measurement (null) means: a veto (e.g. no dated item anywhere) or not measured. */
    missing: Type.Optional(Type.Union([Type.Literal('veto'), Type.Literal('not-measured')])),
  },
  { additionalProperties: false },
);
export const PerUnitRule = Type.Object(
  { type: Type.Literal('perUnit'), unit: Type.Number({ exclusiveMinimum: 0 }), points: Type.Number({ minimum: 0 }), cap: Type.Number({ minimum: 0 }), from: Type.Optional(Type.Number()) },
  { additionalProperties: false },
);
export const BelowRule = Type.Object(
  { type: Type.Literal('below'), threshold: Type.Number(), points: Type.Number({ minimum: 0 }) },
  { additionalProperties: false },
);

export const IndicatorSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]*$' }),
    name: Name,
    category: Type.String({ minLength: 1 }),
    source: Type.String({ pattern: '^(evaluator:[A-Za-z0-9_.]+|manual|import:.+)$' }),
    findings: Type.Optional(Type.String()),
    /** How the measured value reads in reasons: 天, 个, 条; % shows a ratio as a percentage. */
    unit: Type.Optional(Type.String({ minLength: 1 })),
    rule: Type.Union([VetoRule, PerUnitRule, BelowRule]),
    note: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const IndicatorSetSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    version: Type.String({ minLength: 1 }),
    title: Name,
    total: Type.Number({ exclusiveMinimum: 0 }),
    categories: Type.Array(
      Type.Object({ id: Type.String(), name: Name, budget: Type.Number({ minimum: 0 }), note: Type.Optional(Type.String()) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
    grades: Type.Array(Type.Object({ id: Type.String(), name: Name, below: Type.Optional(Type.Number()) }, { additionalProperties: false }), { minItems: 1 }),
    indicators: Type.Array(IndicatorSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type IndicatorSetFile = Static<typeof IndicatorSetSchema>;
export type Indicator = Static<typeof IndicatorSchema>;

export interface IndicatorSet extends IndicatorSetFile {
  sha256: string;
  file: string;
}
