import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkIpv6, type HostResolver } from '../../../evaluators/collect/ipv6.js';
import { evaluateIpv6 } from '../../../evaluators/ipv6.js';

/**
 * The IPv6 check against servers on this machine's loopback: one site served on 127.0.0.1 and on ::1 at the
 * same port, reached by a made-up host name the test resolves. Over IPv6 one second-level page is missing.
 */
const pages = (family: 4 | 6) => (req: IncomingMessage, res: ServerResponse) => {
  const path = req.url ?? '/';
  const links = ['/xxgk/', '/zwdt/', '/bsfw/', '/hdjl/'].map((p) => `<a href="${p}">${p}</a>`).join('');
  if (path === '/')
    return res.end(`<html><head><title>某市人民政府</title></head><body>${links}<span>${family === 6 ? 'v6' : 'v4'} ${Date.now()}</span></body></html>`);
  if (path === '/old') return res.writeHead(301, { location: '/' }).end();
  if (family === 6 && path === '/zwdt/2026/1.html') return res.writeHead(404).end('not found');
  return res.end(`<html><head><title>${path}</title></head><body>${path}</body></html>`);
};

async function listen(server: Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return (server.address() as AddressInfo).port;
}

describe('IPv6 readiness on loopback', () => {
  const v4 = createServer(pages(4));
  const v6 = createServer(pages(6));
  const other = createServer((_req, res) => res.end('<html><head><title>建设中</title></head><body>网站建设中</body></html>'));
  const otherV6 = createServer(pages(6));
  let port = 0;
  let otherPort = 0;
  const options = (resolve: HostResolver) => ({ timeoutMs: 5000, userAgent: 'govscore-test', perLevel: 10, resolve });
  const dual: HostResolver = async () => ({ v4: ['127.0.0.1'], v6: ['::1'] });

  beforeAll(async () => {
    port = await listen(v4, '127.0.0.1', 0);
    await listen(v6, '::1', port);
    otherPort = await listen(other, '127.0.0.1', 0);
    await listen(otherV6, '::1', otherPort);
  });
  afterAll(() => {
    for (const s of [v4, v6, other, otherV6]) s.close();
  });

  it('finds the homepage the same over both families and the one page that fails over IPv6', async () => {
    const home = `http://www.gov.test:${port}/old`;
    const first = ['/xxgk/', '/zwdt/', '/bsfw/', '/hdjl/', 'http://elsewhere.test/'].map((p) => new URL(p, home).href);
    const second = ['/xxgk/1.html', '/zwdt/2026/1.html', '/zwdt/2026/2.html'].map((p) => new URL(p, home).href);
    const observed = await checkIpv6(home, first, second, options(dual));
    expect(observed.homepage?.v4).toMatchObject({ status: 200, title: '某市人民政府', links: 4 });
    expect(observed.homepage?.v6).toMatchObject({ status: 200, title: '某市人民政府', links: 4 });
    // The page carries a timestamp: not byte-identical, yet the same page.
    expect(observed.homepage?.sameLinksShare).toBe(1);
    // Another host's link is not this site's readiness.
    expect(observed.links).toMatchObject({ tried: 7, ok: 6, failed: [{ url: second[1], level: 2, status: 404 }] });
    const m = evaluateIpv6(observed)!;
    expect(m).toMatchObject({ aaaa: true, homepageOverIpv6: true, homepageSame: true, linksTried: 7, linksOk: 6, readyShare: 0.875 });
  });

  it('gives 0 to a host with no IPv6 address, and does not measure a site addressed by an IP literal', async () => {
    const v4only = await checkIpv6(
      `http://www.gov.test:${port}/`,
      [],
      [],
      options(async () => ({ v4: ['127.0.0.1'], v6: [] })),
    );
    expect(v4only.links).toBeNull();
    expect(evaluateIpv6(v4only)).toMatchObject({ aaaa: false, readyShare: 0, homepageProblem: '域名没有IPv6地址（AAAA记录）' });
    const literal = await checkIpv6(`http://127.0.0.1:${port}/`, [], [], options(dual));
    expect(evaluateIpv6(literal)).toMatchObject({ readyShare: null, notMeasured: '网站以IP地址访问，无域名可查IPv6地址' });
    const unresolved = await checkIpv6(
      `http://www.gov.test:${port}/`,
      [],
      [],
      options(async () => Promise.reject(new Error('ENOTFOUND'))),
    );
    expect(evaluateIpv6(unresolved)).toMatchObject({ readyShare: null, notMeasured: '域名解析失败' });
  });

  it('gives 0 when the IPv6 address refuses the connection or serves another page', async () => {
    // A port served over IPv4 only: IPv6's connection is refused.
    const v4onlyServer = createServer(pages(4));
    const refusedPort = await listen(v4onlyServer, '127.0.0.1', 0);
    const noV6 = await checkIpv6(`http://www.gov.test:${refusedPort}/`, [], [], options(dual));
    expect(noV6.homepage?.v6).toMatchObject({ status: null, error: 'refused' });
    expect(evaluateIpv6(noV6)).toMatchObject({ homepageOverIpv6: false, readyShare: 0 });
    expect(evaluateIpv6(noV6)!.homepageProblem).toContain('首页通过IPv6无法访问');
    // On otherPort, IPv4 serves a 建设中 page and IPv6 the portal: not the same page.
    const differs = evaluateIpv6(await checkIpv6(`http://www.gov.test:${otherPort}/`, [], [], options(dual)))!;
    expect(differs).toMatchObject({ homepageOverIpv6: true, homepageSame: false, readyShare: 0 });
    expect(differs.homepageProblem).toContain('与IPv4不同');
    v4onlyServer.close();
  });
});
