import { describe, expect, it } from 'vitest';

import { evaluateImported, evaluateSite } from '../../../../evaluators/evaluate-site.js';
import { findingGroup, findingGroups } from '../../../../evaluators/registry/finding-groups.js';
import { importedColumns } from '../../../../evaluators/registry/imported-columns.js';
import { measurementEntry, type MeasurementId, measurementId, measurementRegistry } from '../../../../evaluators/registry/measurements.js';
import { nothingMeasured } from '../../../../evaluators/site-measurements.js';
import { evaluateTextChecks } from '../../../../evaluators/text-checks.js';
import { listPresets, loadIndicatorSet } from '../../../../indicators/load.js';
import { observations } from '../../../fixtures/suspected-run.js';

const ids = Object.keys(measurementRegistry) as MeasurementId[];
const crawled = ids.filter((id) => !id.startsWith('reporting.'));

describe('the measurement registry', () => {
  it('reads "not measured" (null or undefined), never a number or an error, when no evaluator ran', () => {
    for (const id of ids) expect(measurementEntry(id).read(nothingMeasured) ?? null, id).toBeNull();
  });

  it('reads a number for every crawl measurement of a site every evaluator measured', () => {
    // One stored page text without a flag: the text checks measure zero.
    const texts = evaluateTextChecks([{ url: 'https://jyj.example.gov.cn/', title: '首页', text: '欢迎访问', kind: 'page' }], null, null);
    const { measurements } = evaluateSite(
      observations('jyj.example.gov.cn', { homepageAge: 2, channel: true, services: true }),
      '2026-11-21',
      { level: 'department', services: true },
      texts,
    );
    // The fixture has no disclosure section, no accessibility scan, no page checks, no page footers or links read
    // (integrity), no IPv6 check and no new-media register: those stay not measured.
    const unmeasuredParts = ['disclosure.', 'accessibility.', 'pageChecks.', 'linkSafety.', 'identity.counts.furnitureMissing', 'ipv6.', 'newMedia.'];
    const values = Object.fromEntries(crawled.map((id) => [id, measurementEntry(id).read(measurements) ?? null]));
    for (const id of crawled.filter((id) => !unmeasuredParts.some((p) => id.startsWith(p)))) expect(typeof values[id], id).toBe('number');
    // Hand-checked against the fixture: 10 + 2 dated column items, the newest on the homepage 2 days old, no stale column.
    expect([values['updateFrequency.homepage.ageDays'], values['updateFrequency.staleKeyColumns'], values['updateFrequency.blank']]).toEqual([2, 0, 0]);
    expect(values['mailbox.counts.noChannelOrOverdue']).toBe(0);
    // The fixture's mode has no read-aloud control: one item missing.
    expect(values['identity.counts.assistItemsMissing']).toBe(1);
  });

  it('reads the reporting rates and every imported column of an imported table row', () => {
    const row = { unit: '某局', period: '2026-Q3', submitted: 40, adoptedNational: 1, adoptedProvincial: 3, adoptedCity: 6, instructions: 2, quota: 50 };
    const { measurements } = evaluateImported(row);
    expect(measurementEntry('reporting.adoptionRate').read(measurements)).toBe(0.25);
    expect(measurementEntry('reporting.quotaAttainment').read(measurements)).toBe(0.8);
    expect(Object.values(importedColumns).map((c) => c.read(row))).toEqual([40, 1, 3, 6, 2, 50]);
    for (const id of crawled) expect(measurementEntry(id).read(measurements) ?? null, id).toBeNull();
  });

  it('maps the ids older sets used to the current ones, and knows nothing else', () => {
    expect(measurementId('updateFrequency.staleV3')).toBe('updateFrequency.staleKeyColumns');
    expect(measurementId('updateFrequency.staleV4')).toBe('updateFrequency.staleOtherColumns');
    expect(measurementId('mailbox.counts.v6Problems')).toBe('mailbox.counts.noChannelOrOverdue');
    expect(measurementId('updateFrequency.pageViews')).toBeNull();
    expect(measurementId('toString')).toBeNull();
    expect(findingGroup('mailbox.v6')).toBe('mailbox.noChannelOrOverdue');
    expect(findingGroup('constructor')).toBeNull();
  });

  it('covers what the shipped presets score: each evaluator source and findings group is in the registry', () => {
    for (const preset of listPresets()) {
      for (const indicator of loadIndicatorSet(preset).indicators) {
        if (indicator.source.startsWith('evaluator:'))
          expect(Object.hasOwn(measurementRegistry, indicator.source.slice(10)), `${preset} ${indicator.id}`).toBe(true);
        if (indicator.findings) expect(Object.hasOwn(findingGroups, indicator.findings), `${preset} ${indicator.id}`).toBe(true);
      }
    }
  });
});
