/** The output formats of `govscore report`: apart from write-outputs so the CLI can list them without loading the writers. */
export type OutputFormat = 'json' | 'csv' | 'html' | 'pdf' | 'xlsx';
export const outputFormats: readonly OutputFormat[] = ['json', 'csv', 'html', 'pdf', 'xlsx'];
