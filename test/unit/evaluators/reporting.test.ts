import { describe, expect, it } from 'vitest';

import { evaluateReporting, reportingFindings, type ReportingObservation } from '../../../evaluators/reporting.js';

const row = (over: Partial<ReportingObservation>): ReportingObservation => ({
  unit: '市教育局',
  period: '2026-Q3',
  submitted: 40,
  adoptedNational: 1,
  adoptedProvincial: 3,
  adoptedCity: 6,
  instructions: 2,
  quota: 50,
  ...over,
});

describe('evaluateReporting', () => {
  it('adds the adoptions of every level: 1 + 3 + 6 = 10 of 40 submitted is a rate of 0.25; 40 of a quota of 50 is 0.8', () => {
    expect(evaluateReporting(row({}))).toEqual({ submitted: 40, adoptedTotal: 10, instructions: 2, adoptionRate: 0.25, quotaAttainment: 0.8 });
  });

  it('leaves out the levels the table does not have, and caps the rate at 1 (an item adopted at two levels counts twice)', () => {
    expect(evaluateReporting(row({ submitted: 5, adoptedNational: null, adoptedProvincial: 4, adoptedCity: 3 }))).toMatchObject({
      adoptedTotal: 7,
      adoptionRate: 1,
    });
  });

  it('has no adoption figures without any level column, a rate of 0 when nothing was submitted, no attainment without a quota', () => {
    expect(evaluateReporting(row({ adoptedNational: null, adoptedProvincial: null, adoptedCity: null }))).toMatchObject({
      adoptedTotal: null,
      adoptionRate: null,
    });
    expect(evaluateReporting(row({ submitted: 0 }))).toMatchObject({ adoptionRate: 0, quotaAttainment: 0 });
    expect(evaluateReporting(row({ quota: null })).quotaAttainment).toBeNull();
  });
});

describe('reportingFindings', () => {
  it('states the figures in one line a department can check', () => {
    const r = row({});
    expect(reportingFindings(r, evaluateReporting(r))).toEqual({
      'reporting.summary': [
        {
          subject: 'reporting-summary',
          message: '2026-Q3：报送 40 条，采用 10 次（国办 1、省级 3、市级 6），采用率 25.0%，获批示 2 次；任务数 50 条，完成 80%',
          url: null,
          evidence: null,
        },
      ],
    });
  });

  it('says when the table has no adoption column', () => {
    const r = row({ adoptedNational: null, adoptedProvincial: null, adoptedCity: null, instructions: null, quota: null });
    expect(reportingFindings(r, evaluateReporting(r))['reporting.summary']![0]!.message).toBe('2026-Q3：报送 40 条，采用 — 次（表中无采用列）');
  });
});
