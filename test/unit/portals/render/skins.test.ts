import { describe, expect, it } from 'vitest';

import { assemblePortal } from '../../../../portals/model/assemble.js';
import { sampleProfiles } from '../../../../portals/model/profiles/index.js';
import { RenderContext } from '../../../../portals/render/context.js';
import { portalRoutes } from '../../../../portals/render/routes.js';
import { classicSkin, type Skin, skinFor } from '../../../../portals/render/skin/skin.js';
import { type RunningPortalSet, startPortalSet } from '../../../../portals/server/portal-set.js';

const asOf = '2026-11-21';
const origins = { portal: 'http://127.0.0.1:1', interaction: 'http://127.0.0.1:2', dead: 'http://127.0.0.1:3' };

/** Every page of every sample portal as a skin writes it, keyed by portal and path. */
function renderAll(skin: Skin | undefined): Map<string, string> {
  const pages = new Map<string, string>();
  for (const profile of sampleProfiles) {
    const portal = assemblePortal(profile, 'skins', asOf);
    const ctx = skin ? new RenderContext(portal, origins, skin) : new RenderContext(portal, origins);
    for (const [path, handler] of portalRoutes(ctx)) {
      const reply = (handler as (q: URLSearchParams) => { body: string | Buffer })(new URLSearchParams());
      if (typeof reply.body === 'string') pages.set(`${portal.id} ${path}`, reply.body);
    }
  }
  return pages;
}

/** A set's truths with its loopback origins blanked, so sets on other ports compare. */
function truths(set: RunningPortalSet) {
  let json = JSON.stringify(set.portals.map((p) => p.truth));
  for (const p of set.portals) json = json.split(p.url.slice(0, -1)).join(`<${p.id}>`);
  json = json.split(set.interactionUrl).join('<interaction>').split(set.deadUrl).join('<dead>');
  return JSON.parse(json) as Array<{ portal: { skin?: string } }>;
}

describe('sample portal skins', () => {
  it('leave the truth as it is: only the portal block names the skin', async () => {
    const sets = await Promise.all(['classic', '3', '11', '17'].map((skin) => startPortalSet({ asOf, seed: 'skins', skin })));
    try {
      const [classic, ...others] = sets.map(truths);
      expect(classic!.map((t) => t.portal.skin)).toEqual(sampleProfiles.map(() => 'classic'));
      for (const [i, other] of others.entries()) {
        expect(other.map((t) => t.portal.skin)).toEqual(sampleProfiles.map(() => sets[i + 1]!.skin));
        const strip = (ts: typeof classic) => ts!.map((t) => ({ ...t, portal: { ...t.portal, skin: undefined } }));
        expect(strip(other)).toEqual(strip(classic));
      }
    } finally {
      await Promise.all(sets.map((s) => s.close()));
    }
  });

  it('classic (or seed 0) writes exactly the markup of a context without a skin', () => {
    expect(skinFor(0)).toBe(classicSkin);
    expect(skinFor('classic')).toBe(classicSkin);
    const plain = renderAll(undefined);
    expect(renderAll(skinFor(0))).toEqual(plain);
  });

  it('another skin rewrites the markup but keeps every item link and every column link reachable in the HTML or its scripts', () => {
    const classic = renderAll(undefined);
    for (const seed of ['1', '4', '7']) {
      const skinned = renderAll(skinFor(seed));
      expect([...skinned.keys()].filter((k) => !k.endsWith('/nav.html'))).toEqual([...classic.keys()]);
      let changed = 0;
      for (const [key, page] of classic) if (skinned.get(key) !== page) changed++;
      // Every link of a portal's classic pages is written somewhere in its skinned pages (as an href, a
      // javascript: target or script data), so the skin hides nothing, it only writes it otherwise.
      for (const profile of sampleProfiles) {
        const mine = (m: Map<string, string>) => [...m].filter(([k]) => k.startsWith(`${profile.id} `));
        const all = mine(skinned)
          .map(([, v]) => v)
          .join('\n');
        // A page's link to itself (the breadcrumb's last step) is not a way to reach it.
        const hrefs = new Set(
          mine(classic).flatMap(([key, page]) => [...page.matchAll(/<a href="(\/[^"#]+?\.html)"/g)].map((m) => m[1]!).filter((h) => !key.endsWith(` ${h}`))),
        );
        for (const href of hrefs) expect(all.includes(href), `skin ${seed}: ${profile.id} lost ${href}`).toBe(true);
      }
      expect(changed, seed).toBeGreaterThan(classic.size / 2);
    }
  });

  it('draws every navigation, list, "more" and article-date style within 20 seeds', () => {
    const skins = Array.from({ length: 20 }, (_, i) => skinFor(i + 1));
    const seen = (pick: (s: Skin) => string) => new Set(skins.map(pick)).size;
    expect(seen((s) => s.nav)).toBe(7);
    expect(seen((s) => s.list)).toBe(4);
    expect(seen((s) => s.more)).toBe(6);
    expect(seen((s) => s.articleDate)).toBe(5);
    expect(seen((s) => s.articleMeta)).toBe(4);
    expect(seen((s) => s.names)).toBe(3);
    expect(skins.some((s) => s.splitRows) && skins.some((s) => s.categoryTag)).toBe(true);
  });
});
