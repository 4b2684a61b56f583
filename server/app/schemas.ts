import { type TSchema, Type } from '@sinclair/typebox';

/*
 * The request and response schemas the routes share. Fastify validates requests against them (a bad id
 * answers 400, or the page's own 404) and the TypeBox type provider gives the handlers their types, so
 * `request.params.runId` is a string without a cast. Response schemas also decide what is sent: a field
 * not declared is left out, so an object that is passed through whole is declared `additionalProperties`.
 */

export const RunId = Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$', description: 'run id, e.g. 20261121-1a2b3c4d' });
export const SiteId = Type.String({ pattern: '^[a-z0-9-]{1,60}$', description: 'site id from the sites file' });
export const IndicatorId = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,30}$', description: 'indicator id, e.g. D1' });

export const RunParams = Type.Object({ runId: RunId });
export const SiteParams = Type.Object({ runId: RunId, siteId: SiteId });
/** An appeal's number in the JSON API (a number) … */
export const AppealIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** … and in page URLs, where a malformed one gets the page's 404 rather than a validation error. */
export const AppealIdPageParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,12}$' }) });

/** Which published version of a run (1 is the first publication); the latest when absent. */
export const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) });

/** A form with nothing but its CSRF token. */
export const CsrfBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });

/**
 * Every error the JSON API answers: `error` in Chinese. Fastify's own errors (validation, CSRF, rate limit)
 * keep their `statusCode`, `code` and `message` too.
 */
export const ErrorReply = Type.Object(
  { error: Type.String(), statusCode: Type.Optional(Type.Integer()), code: Type.Optional(Type.String()), message: Type.Optional(Type.String()) },
  { description: 'an error, in Chinese for our own' },
);

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A site's score as the engine computed it (indicators, findings, vetoes…), passed through whole. */
export const SiteScoreReply = Type.Unknown({ description: 'the site score (indicators/engine.ts SiteScore)' });

export const RunReply = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  asOf: Type.String(),
  sitesFile: Type.String(),
  sitesSha256: Type.String(),
  indicators: Type.String(),
  options: Type.Unknown(),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});

export const SiteViewReply = Type.Object({
  id: Type.String(),
  name: Type.String(),
  group: Type.String(),
  url: Type.String(),
  status: Type.String(),
  statusReason: Nullable(Type.String()),
  rank: Nullable(Type.Number()),
  score: SiteScoreReply,
});

export const AppealReply = Type.Object({
  id: Type.Integer(),
  runId: Type.String(),
  siteId: Type.String(),
  indicator: Type.String(),
  text: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('accepted'), Type.Literal('rejected')]),
  createdBy: Type.Integer(),
  createdAt: Type.String(),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  overrideId: Nullable(Type.Integer()),
  /** What the file is and where this audience downloads it; never where it lies on the server. */
  attachment: Nullable(Type.Object({ name: Type.String(), type: Type.String(), bytes: Type.Integer({ description: 'size' }), url: Type.String() })),
});

export const OverrideReply = Type.Object({
  id: Type.Integer(),
  runId: Type.String(),
  siteId: Type.String(),
  indicator: Type.String(),
  points: Type.Optional(Nullable(Type.Number())),
  veto: Type.Optional(Nullable(Type.Boolean())),
  reason: Type.String(),
  by: Type.String(),
  at: Type.String(),
  revokedAt: Nullable(Type.String()),
  revokedBy: Nullable(Type.String()),
});
