/**
 * A run's random sample of a sites file (server/config/sample-sites.ts draws it): stored with the run and
 * published in results.json and the methodology, so anyone can redraw it. Here because the reports read it too.
 */
export interface SiteSample {
  seed: string;
  /** Sites drawn: min(requested size, population); redrawing with this size gives the same sample. */
  size: number;
  population: number;
  /** The chosen sites, in sites-file order. */
  siteIds: string[];
}
