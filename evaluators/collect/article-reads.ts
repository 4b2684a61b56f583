/**
 * The article pages a crawl has read, by page key: a page several columns list (a notice pinned on every
 * list of a section) is opened once for all of them, and again only when axe must scan it and no reading
 * that was scanned exists.
 *
 * Which readings a column may use is decided so that the pages opened do not hang on timing. Readings are
 * settled at the crawl's barriers (a level's first round of visits done, its second round done): what a column
 * plans counts only settled readings, which are the same whatever finished first. While a round runs, a column
 * uses another's reading of that round only when it would have opened the page the same way (scanned or not
 * alike): two columns wanting the same page alike open it once between them, whichever comes first; wanting it
 * differently, each opens its own. A settled scanned reading serves both wishes.
 */
export class ArticleReads<R> {
  private readings = new Map<string, Array<{ reading: Promise<R>; scanned: boolean; settled: boolean }>>();

  /** A reading a column may use for a page it wants `scanned` or not; `settledOnly`: what is known when it plans its pages. */
  find(key: string, scanned: boolean, settledOnly = false): Promise<R> | null {
    const fits = (r: { scanned: boolean; settled: boolean }) => (r.settled || !settledOnly) && (r.scanned === scanned || (r.scanned && r.settled));
    return (this.readings.get(key) ?? []).find(fits)?.reading ?? null;
  }

  add(key: string, scanned: boolean, reading: Promise<R>): void {
    this.readings.set(key, [...(this.readings.get(key) ?? []), { reading, scanned, settled: false }]);
  }

  /** At a barrier, every reading under way has ended: from now on any column may plan with them. */
  settle(): void {
    for (const readings of this.readings.values()) for (const r of readings) r.settled = true;
  }
}
