import type { ReportingObservation } from '../reporting.js';

/**
 * The columns of an imported table (`govscore import`) an indicator set may score as `source: import:<column>`.
 * A column the table does not have reads as null (not measured), never as zero. The compiler holds this
 * list to every count the stored row has.
 */
type CountColumn = { [K in keyof ReportingObservation]: ReportingObservation[K] extends number | null ? K : never }[keyof ReportingObservation];

export const importedColumns = {
  submitted: { zh: '报送信息条数', read: (row: ReportingObservation) => row.submitted },
  adoptedNational: { zh: '国办采用次数', read: (row: ReportingObservation) => row.adoptedNational },
  adoptedProvincial: { zh: '省级采用次数', read: (row: ReportingObservation) => row.adoptedProvincial },
  adoptedCity: { zh: '市级采用次数', read: (row: ReportingObservation) => row.adoptedCity },
  instructions: { zh: '获领导批示次数', read: (row: ReportingObservation) => row.instructions },
  quota: { zh: '报送任务数', read: (row: ReportingObservation) => row.quota },
} as const satisfies { [K in CountColumn]: { zh: string; read: (row: ReportingObservation) => number | null } };

export type ImportedColumn = keyof typeof importedColumns;

export function importedColumn(name: string): ImportedColumn | null {
  return Object.hasOwn(importedColumns, name) ? (name as ImportedColumn) : null;
}
