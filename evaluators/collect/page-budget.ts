/**
 * The page budget of one site (--max-pages). Every page load counts: the homepage, the crawl's pages, further
 * list pages, the articles read for their dates, the section finders' pages, the functions tried after the
 * crawl, Lighthouse's runs, and every second try. No page is loaded past the limit.
 *
 * The same site under the same budget opens the same pages, whatever finishes first: the budget is handed out
 * in shares decided when the work is planned, in the plan's order, never in the order requests come in. A share
 * is used by one piece of work, in that work's own order (a page, then its list pages, then its articles in list
 * order); work that runs side by side has shares of its own. What a share did not use goes back to the share it
 * was carved from only once all its work has ended, so the next piece of work planned gets it.
 */

/** What a page was for, as the report names it. */
export const budgetPhases = {
  homepage: '首页',
  columns: '栏目与导航页面',
  listPages: '列表翻页',
  articles: '文章页面',
  disclosure: '政府信息公开栏目页面',
  mailbox: '互动交流（信箱）页面',
  services: '办事服务页面',
  functions: '站内搜索、适老化、移动端等功能检测',
  lighthouse: 'Lighthouse 检测',
} as const;

export type BudgetPhase = keyof typeof budgetPhases;

/** A site's page budget as used (results.json `crawl.budget`). */
export interface PageBudgetUse {
  /** Pages the site might open (--max-pages). */
  limit: number;
  /** Pages opened: each load of a tab, second tries included; a page read once and used twice counts once. */
  opened: number;
  /** Page loads the budget did not allow (a page, or the second try of one that failed). */
  refused: number;
  /** The refused loads by what they were for; phases that lost none are absent. */
  cut: Partial<Record<BudgetPhase, number>>;
}

/**
 * What one piece of work did with a share: pages opened (less those taken and then given back unused), pages given
 * back unused, and the loads refused. Kept with a visit in the crawl journal, so that a resumed crawl replays it
 * (PageShare.replay) and shares out what is left as the uninterrupted crawl did.
 */
export interface ShareUse {
  opened: number;
  released: number;
  refused: Array<{ url: string; phase: BudgetPhase }>;
}

/** Page records kept of the refused pages (the first by URL): the count is in the budget, a sample is enough. */
const REFUSED_RECORDS = 20;

/** The one counter of a site's page loads: what was opened and what was refused, by phase. */
export class PageMeter {
  opened = 0;
  private refusals: Array<{ url: string; phase: BudgetPhase }> = [];
  readonly limit: number;

  /** The homepage is always opened: a budget below one page is one page. */
  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  /** The whole budget, from which every other share is carved. */
  whole(): PageShare {
    return new PageShare(this, this.limit, 'homepage');
  }

  refuse(url: string, phase: BudgetPhase): void {
    this.refusals.push({ url, phase });
  }

  use(): PageBudgetUse {
    const cut: PageBudgetUse['cut'] = {};
    // In the phases' own order, whatever order the refusals came in.
    for (const phase of Object.keys(budgetPhases) as BudgetPhase[]) {
      const refused = this.refusals.filter((r) => r.phase === phase).length;
      if (refused) cut[phase] = refused;
    }
    return { limit: this.limit, opened: this.opened, refused: this.refusals.length, cut };
  }

  /** Pages refused, the first few by URL: the same ones whatever order the refusals came in. */
  refusedPages(): string[] {
    return [...new Set(this.refusals.map((r) => r.url))].sort().slice(0, REFUSED_RECORDS);
  }
}

/**
 * Pages one piece of work may open. Taken synchronously, one page at a time, in the work's own order; a
 * page taken is counted as opened, a page the share has no room for is refused (and counted as such).
 */
export class PageShare {
  private left: number;
  /** Pages taken in the plan and then served from the crawl's own reading instead: their room comes back with the share. */
  private unused = 0;
  /** Pages opened through this share. */
  opened = 0;
  /** Pages given back unused, and the loads this share refused: its use (ShareUse), for the crawl journal. */
  private released = 0;
  private refusals: ShareUse['refused'] = [];

  constructor(
    private readonly meter: PageMeter,
    room: number,
    readonly phase: BudgetPhase,
  ) {
    this.left = room;
  }

  /** Pages the share may still open. */
  get room(): number {
    return this.left;
  }

  /** One page, about to be opened (or planned to be, in this order): true when it fits; false when refused. */
  take(url: string, phase: BudgetPhase = this.phase): boolean {
    if (this.left <= 0) {
      this.refuse(url, phase);
      return false;
    }
    this.left--;
    this.opened++;
    this.meter.opened++;
    return true;
  }

  /** One page if the share has room for it: true when taken; false, with no refusal recorded, when not (it may get a page later). */
  takeIfRoom(url: string, phase: BudgetPhase = this.phase): boolean {
    return this.left > 0 && this.take(url, phase);
  }

  /** A page this share will not open (the work was planned beyond it): counted as refused. */
  refuse(url: string, phase: BudgetPhase = this.phase): void {
    this.meter.refuse(url, phase);
    this.refusals.push({ url, phase });
  }

  /** A page taken in the plan that needed no load after all (another piece of work had read it): not opened. */
  release(): void {
    this.opened--;
    this.meter.opened--;
    this.unused++;
    this.released++;
  }

  /** What the work did with this share so far. */
  use(): ShareUse {
    return { opened: this.opened, released: this.released, refused: [...this.refusals] };
  }

  /**
   * What an interrupted attempt at this work did with the share (a visit recalled from the crawl journal), done
   * again without opening anything: its pages counted as opened, those it gave back as given back, its
   * refusals as refused. A figure past the share's room (a journal written before visits kept their use, which
   * counted the level's second round too) is counted as far as the share goes.
   */
  replay(use: ShareUse): void {
    const taken = Math.min(use.opened + use.released, this.left);
    const opened = taken - use.released;
    this.left -= taken;
    this.opened += opened;
    this.meter.opened += opened;
    this.unused += use.released;
    this.released += use.released;
    for (const r of use.refused) this.refuse(r.url, r.phase);
  }

  /** A share of at most `pages` of this one's room, for one piece of work. */
  carve(pages: number, phase: BudgetPhase = this.phase): PageShare {
    const room = Math.max(0, Math.min(Math.floor(pages), this.left));
    this.left -= room;
    return new PageShare(this.meter, room, phase);
  }

  /** The whole room in `parts` shares (levelSlices), in plan order; null for a part that gets no page. */
  split(parts: number, phase: BudgetPhase = this.phase): Array<PageShare | null> {
    return levelSlices(this.left, parts).map((pages) => (pages > 0 ? this.carve(pages, phase) : null));
  }

  /** What a share carved from this one did not use: call only once all its work has ended. */
  giveBack(share: PageShare): void {
    this.left += share.left + share.unused;
    share.left = 0;
    share.unused = 0;
  }
}

/**
 * One piece of work's dealings with a share it uses beside others (the articles of a level's second round): its
 * use of the share (ShareUse), kept for the crawl journal.
 */
export class PageAccount {
  private kept: ShareUse = { opened: 0, released: 0, refused: [] };

  constructor(private readonly share: PageShare) {}

  take(url: string, phase: BudgetPhase = this.share.phase): boolean {
    const taken = this.share.take(url, phase);
    if (taken) this.kept.opened++;
    else this.kept.refused.push({ url, phase });
    return taken;
  }

  release(): void {
    this.share.release();
    this.kept.opened--;
    this.kept.released++;
  }

  use(): ShareUse {
    return { ...this.kept, refused: [...this.kept.refused] };
  }
}

/** What takes pages one at a time and gives back those it did not need: a share, or an account of one. */
export type PageTaker = Pick<PageShare, 'take' | 'release'>;

/**
 * A level of the crawl's pages, in discovery order, shares the room equally, the first ones one page more;
 * with fewer pages than parts, the first parts get one page each and the rest none.
 */
export function levelSlices(room: number, parts: number): number[] {
  if (parts <= 0) return [];
  if (room < parts) return Array.from({ length: parts }, (_, i) => (i < room ? 1 : 0));
  const each = Math.floor(room / parts);
  return Array.from({ length: parts }, (_, i) => each + (i < room % parts ? 1 : 0));
}

/** The share of a site's pages, once its homepage is read, that goes to everything but the crawl of its columns. */
export const SECTIONS_SHARE = 1 / 4;

/**
 * A site's pages once its homepage is read: three quarters for the crawl of its columns; the last quarter
 * for the checks after the crawl (the first tries they need, set aside first: they are few and each stands
 * for an indicator) and the sections the rules ask about (信息公开, 信箱, 办事服务). Without the sections (the
 * section finders switched off), what the checks do not need goes to the crawl.
 */
export function siteShares(room: number, checksFirstTries: number, withSections = true): { crawl: number; checks: number; sections: number } {
  const rest = Math.floor(room * SECTIONS_SHARE);
  const checks = Math.min(checksFirstTries, rest);
  const sections = withSections ? rest - checks : 0;
  return { crawl: room - checks - sections, checks, sections };
}

/**
 * Shares for work that runs side by side, in a fixed order: each its first tries, then, while pages remain,
 * each its further pages (second tries) in the same order.
 */
export function inOrder(room: number, needs: ReadonlyArray<{ first: number; more: number }>): number[] {
  let left = room;
  const give = (wanted: number) => {
    const given = Math.min(wanted, left);
    left -= given;
    return given;
  };
  const shares = needs.map((n) => give(n.first));
  return shares.map((given, i) => given + (given === needs[i]!.first ? give(needs[i]!.more) : 0));
}
