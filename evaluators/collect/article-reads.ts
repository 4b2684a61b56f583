/**
 * The article pages a crawl has read, by page key: a page several columns list (a notice pinned on every
 * list of a section) is opened once for all of them, and again only when axe must scan it and no reading
 * that was scanned exists.
 *
 * Which readings a column may use is decided so that the pages opened do not hang on timing: a column of a
 * level uses readings of earlier levels (all done before its level started) as it finds them, but a reading
 * of its own level (another column's, perhaps still loading) only when it would have opened the page the same
 * way itself (scanned or not alike). Two columns of one level that want the same page opened alike open it
 * once between them, whichever comes first; opened differently, each opens its own.
 */
export class ArticleReads<R> {
  private readings = new Map<string, Array<{ reading: Promise<R>; scanned: boolean; depth: number }>>();

  /**
   * A reading a column at `depth` may use for a page it wants `scanned` or not: a scanned one serves both
   * wishes when it comes from an earlier level, otherwise only one read the same way. `earlierOnly` looks at
   * earlier levels alone: what is known when the column plans its pages, whatever else is under way.
   */
  find(key: string, scanned: boolean, depth: number, earlierOnly = false): Promise<R> | null {
    const fits = (r: { scanned: boolean; depth: number }) => (r.depth < depth || !earlierOnly) && (r.scanned === scanned || (r.scanned && r.depth < depth));
    return (this.readings.get(key) ?? []).find(fits)?.reading ?? null;
  }

  add(key: string, scanned: boolean, depth: number, reading: Promise<R>): void {
    this.readings.set(key, [...(this.readings.get(key) ?? []), { reading, scanned, depth }]);
  }
}
