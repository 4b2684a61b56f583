import type { Column, Portal } from '../model/types.js';
import { groupPath, type Origins, resolveUrl } from '../model/urls.js';
import { classicSkin, type Skin } from './skin/skin.js';

export interface Reply {
  status: number;
  type: string; // content type without charset
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** What every renderer gets: the portal's model and where its hosts live. */
export class RenderContext {
  constructor(
    readonly portal: Portal,
    readonly origins: Origins,
    /** How pages are written; the classic skin unless a test or the accessibility script asks for another. */
    readonly skin: Skin = classicSkin,
  ) {}
  url(u: string): string {
    // Same-site links stay relative, as real CMSs write them; other hosts become absolute.
    return u.startsWith('@') ? resolveUrl(u, this.origins) : u;
  }
  column(id: string): Column {
    const column = this.portal.columns.find((c) => c.id === id);
    if (!column) throw new Error(`${this.portal.id}: no column ${id}`);
    return column;
  }
  /** Navigation groups in the order they first appear, each with its columns. */
  groups(): Array<{ name: string; path: string; columns: Column[] }> {
    const names = [...new Set(this.portal.columns.map((c) => c.group))];
    return names.map((name, i) => ({
      name,
      path: groupPath(this.portal, i),
      columns: this.portal.columns.filter((c) => c.group === name),
    }));
  }
  /** A 10-digit-ish number stable per key: view counters, phone numbers. */
  stableNumber(key: string, digits: number): string {
    let h = 7;
    for (const ch of `${this.portal.id}:${key}`) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
    return String(h).padStart(digits, '0').slice(-digits);
  }
}
