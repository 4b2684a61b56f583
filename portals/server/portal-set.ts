import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { assemblePortal, type PortalProfile } from '../model/assemble.js';
import { sampleProfiles } from '../model/profiles/index.js';
import { scaledProfiles } from '../model/scale.js';
import { type PortalTruth, portalTruth } from '../model/truth.js';
import type { Portal } from '../model/types.js';
import { standIns } from '../model/urls.js';
import { RenderContext } from '../render/context.js';
import { portalRoutes } from '../render/routes.js';
import { skinFor } from '../render/skin/skin.js';
import { PortalHost } from './http-host.js';
import { platformRoutes } from './platform-routes.js';

export interface PortalSetOptions {
  /** Evaluation date: every date on every portal is an offset from it. */
  asOf: string;
  seed?: string;
  /** The six sample portals (default), or a benchmark set of N portals × about M pages. */
  scale?: { portals: number; pagesPerPortal: number };
  host?: string;
  /** First port; portals take consecutive ports after it. 0 (default) picks free ports. */
  basePort?: number;
  /** Where truth files, index.json and sites.json are written (default: none). */
  outDir?: string;
  /** Markup of every page (render/skin/skin.ts): "classic" (default) or 0, or any other seed. The truth does not change. */
  skin?: string | number;
}

export interface RunningPortal {
  id: string;
  name: string;
  url: string;
  portal: Portal;
  truth: PortalTruth;
  host: PortalHost;
}

export interface RunningPortalSet {
  asOf: string;
  seed: string;
  skin: string;
  portals: RunningPortal[];
  interactionUrl: string;
  deadUrl: string;
  get(id: string): RunningPortal;
  close(): Promise<void>;
}

/** Builds the portals from the seed and asOf, serves each on its own loopback port, writes the truth. */
export async function startPortalSet(options: PortalSetOptions): Promise<RunningPortalSet> {
  const seed = options.seed ?? 'govscore';
  const skin = skinFor(options.skin);
  const host = options.host ?? '127.0.0.1';
  let nextPort = options.basePort ?? 0;
  const port = () => (nextPort ? nextPort++ : 0);
  const profiles: PortalProfile[] = options.scale ? scaledProfiles(options.scale.portals, options.scale.pagesPerPortal) : sampleProfiles;
  const portals = profiles.map((profile) => assemblePortal(profile, seed, options.asOf));

  const dead = `http://${host}:${await unusedPort(host)}`;
  // Portals and the platform link to each other, so origins are fixed first and routes built after.
  const hosts = portals.map((p) => new LazyRoutes(p));
  const platform = new LazyRoutes(null);
  const platformHost = new PortalHost({ routes: platform.routes, encoding: 'utf-8', latencyMs: 0, wafCookie: null });
  const interaction = await platformHost.listen(host, port());
  const running: RunningPortal[] = [];
  for (const [i, portal] of portals.entries()) {
    const portalHost = new PortalHost({
      routes: hosts[i]!.routes,
      encoding: portal.behaviour.encoding,
      latencyMs: portal.behaviour.latencyMs,
      wafCookie: portal.behaviour.waf ? `wzws_cid=${portal.siteIdCode}${portal.seed.length}` : null,
      spiderRedirect: portal.linkPlants?.spiderRedirect ? `${interaction}${standIns.gambling}` : null,
    });
    const origin = await portalHost.listen(host, port());
    const ctx = new RenderContext(portal, { portal: origin, interaction, dead }, skin);
    hosts[i]!.fill(portalRoutes(ctx));
    running.push({ id: portal.id, name: portal.name, url: origin + '/', portal, truth: portalTruth(portal, ctx.origins, skin.id), host: portalHost });
  }
  platform.fill(platformRoutes(running.map((r) => new RenderContext(r.portal, { portal: r.url.slice(0, -1), interaction, dead }))));

  const set: RunningPortalSet = {
    asOf: options.asOf,
    seed,
    skin: skin.id,
    portals: running,
    interactionUrl: interaction,
    deadUrl: dead,
    get(id) {
      const found = running.find((r) => r.id === id);
      if (!found) throw new Error(`no sample portal "${id}"`);
      return found;
    },
    async close() {
      await Promise.all([platformHost.close(), ...running.map((r) => r.host.close())]);
    },
  };
  if (options.outDir) await writeTruth(set, resolve(options.outDir));
  return set;
}

/** A route map that is filled once the origins of every host are known. */
class LazyRoutes {
  readonly routes = new Map();
  constructor(readonly portal: Portal | null) {}
  fill(routes: Map<string, unknown>): void {
    for (const [k, v] of routes) this.routes.set(k, v);
  }
}

/** A loopback port with nothing listening on it: connections to it are refused (a dead host). */
async function unusedPort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** truth.json per portal, index.json for the set, and a sites file in the format `govscore assess` reads. */
async function writeTruth(set: RunningPortalSet, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const r of set.portals) {
    await mkdir(join(dir, r.id), { recursive: true });
    await writeFile(join(dir, r.id, 'truth.json'), JSON.stringify(r.truth, null, 2) + '\n');
  }
  const index = {
    asOf: set.asOf,
    seed: set.seed,
    skin: set.skin,
    interactionUrl: set.interactionUrl,
    deadUrl: set.deadUrl,
    portals: set.portals.map((r) => ({ id: r.id, name: r.name, url: r.url, truth: join(dir, r.id, 'truth.json') })),
  };
  await writeFile(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  const sites = {
    name: `${set.asOf.slice(0, 4)}年度江临市政府网站绩效评估（样例）`,
    asOf: set.asOf,
    indicators: 'national-2019',
    sites: set.portals.map((r) => ({
      id: r.id,
      name: r.name,
      url: r.url,
      group: r.portal.level === 'government' ? '市县政府' : '市直部门',
      services: r.portal.services !== null,
    })),
  };
  await writeFile(join(dir, 'sites.json'), JSON.stringify(sites, null, 2) + '\n');
}
