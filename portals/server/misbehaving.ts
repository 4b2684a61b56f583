import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Sites that fail the ways real ones do, one origin each, for the failure taxonomy and the crawler's
 * hostile-page handling. Each entry says what the crawler should make of it.
 */
export interface MisbehavingSites {
  urls: Record<MisbehaviourName, string>;
  close(): Promise<void>;
}

export type MisbehaviourName = 'refused' | 'hang' | 'http500' | 'http404' | 'waf' | 'redirectLoop' | 'slowloris' | 'tls' | 'robots' | 'trap' | 'hostile';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const page = (title: string, body: string, head = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><div class="nav"><a href="/">首页</a></div><div class="main"><h2>${title}</h2>${body}</div></body></html>`;

const send = (res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) => {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, ...headers });
  res.end(body);
};

/** A dated list of `n` items, as a column page shows it. */
const list = (prefix: string, n: number) =>
  `<ul class="list">${Array.from({ length: n }, (_, i) => `<li><a href="/${prefix}/art_${i}.html">${prefix}栏目的第${i + 1}条信息标题</a><span>2026-11-${String(20 - (i % 19)).padStart(2, '0')}</span></li>`).join('')}</ul>`;

const handlers: Record<Exclude<MisbehaviourName, 'refused' | 'tls'>, Handler> = {
  hang: () => undefined, // accepted, never answered
  http500: (_req, res) => send(res, 500, '<h1>500</h1>'),
  http404: (_req, res) => send(res, 404, '<h1>404</h1>'),
  waf: (_req, res) => send(res, 412, '<script>document.cookie="never=valid; path=/";location.reload();</script>'),
  redirectLoop: (req, res) => {
    res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
    res.end();
  },
  slowloris: (_req, res) => {
    // Headers at once, then one byte a second, forever.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const timer = setInterval(() => res.write(' '), 1000);
    res.on('close', () => clearInterval(timer));
  },
  robots: (req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('User-agent: *\nDisallow: /\n');
    }
    send(res, 200, page('禁止抓取的网站', list('news', 5)));
  },
  trap: (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      return send(
        res,
        200,
        page(
          '陷阱网站',
          `<div class="subnav"><a href="/news/index.html">新闻动态</a><a href="/calendar/?month=2026-11">活动日历</a><a href="/search/list.html?page=1&amp;a=1">专题检索</a><a href="/news/index.html;jsessionid=ABC123">新闻（会话）</a></div>`,
        ),
      );
    }
    if (url.pathname === '/news/index.html') return send(res, 200, page('新闻动态', list('news', 12)));
    if (url.pathname === '/calendar/') {
      // Every month links to the next: endless.
      const [y, m] = (url.searchParams.get('month') ?? '2026-11').split('-').map(Number);
      const next = new Date(Date.UTC(y!, m!, 1)).toISOString().slice(0, 7);
      return send(res, 200, page('活动日历', `<div class="subnav"><a href="/calendar/?month=${next}">下个月</a></div><p>${y}年${m}月暂无活动。</p>`));
    }
    if (url.pathname === '/search/list.html') {
      // Endless query strings: every page links to a longer one in its navigation.
      const n = Number(url.searchParams.get('page') ?? 1);
      const more = [...url.searchParams.entries()].map(([k, v]) => `${k}=${v}`).join('&amp;');
      return send(
        res,
        200,
        page('专题检索', `<div class="subnav"><a href="/search/list.html?${more}&amp;p${n}=${n}&amp;page=${n + 1}">下一组</a></div><p>检索结果。</p>`),
      );
    }
    send(res, 200, page('文章', '<div class="article"><p>发布时间：2026-11-20</p><p>正文内容。</p></div>'));
  },
  hostile: (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const pages: Record<string, () => void> = {
      '/': () =>
        send(
          res,
          200,
          page(
            '不友好的网站',
            `<div class="subnav"><a href="/alert.html">弹窗栏目</a><a href="/popup.html">新窗口栏目</a><a href="/busy.html">死循环页面</a><a href="/scroll.html">无限滚动栏目</a><a href="/huge.html">超大页面</a><a href="/loop">重定向循环</a><a href="/ok.html">正常栏目</a></div>`,
          ),
        ),
      '/alert.html': () => send(res, 200, page('弹窗栏目', list('alert', 10), '<script>alert("欢迎");confirm("确定？");</script>')),
      '/popup.html': () => send(res, 200, page('新窗口栏目', list('popup', 8), '<script>for(var i=0;i<20;i++)window.open("/popup.html?"+i);</script>')),
      '/busy.html': () =>
        send(
          res,
          200,
          page('死循环页面', list('busy', 5), '<script>window.addEventListener("load",function(){setTimeout(function(){while(true){}},50);});</script>'),
        ),
      '/scroll.html': () =>
        send(
          res,
          200,
          page(
            '无限滚动栏目',
            list('scroll', 10),
            '<script>setInterval(function(){var li=document.createElement("li");li.textContent="加载中的内容"+Date.now();var ul=document.querySelector("ul.list");if(ul)ul.appendChild(li);},100);</script>',
          ),
        ),
      '/huge.html': () => send(res, 200, page('超大页面', `<div>${'<div><span>占位内容</span></div>'.repeat(60_000)}</div>`)),
      '/ok.html': () => send(res, 200, page('正常栏目', list('ok', 6))),
      '/loop': () => {
        res.writeHead(302, { location: '/loop2' });
        res.end();
      },
      '/loop2': () => {
        res.writeHead(302, { location: '/loop' });
        res.end();
      },
    };
    (pages[url.pathname] ?? (() => send(res, 200, page('文章', '<div class="article"><p>发布时间：2026-11-20</p><p>正文。</p></div>'))))();
  },
};

export async function startMisbehavingSites(): Promise<MisbehavingSites> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const listen = async (server: Server, scheme: string) => {
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    servers.push(server);
    return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  };
  const urls = {} as Record<MisbehaviourName, string>;
  for (const [name, handler] of Object.entries(handlers)) urls[name as MisbehaviourName] = await listen(createServer(handler), 'http');
  urls.tls = await listen(
    createTlsServer(selfSignedCertificate(), (_req, res) => send(res, 200, page('证书错误的网站', list('tls', 3)))),
    'https',
  );
  const dead = createServer();
  const deadUrl = await listen(dead, 'http');
  await new Promise<void>((r) => dead.close(() => r()));
  servers.splice(servers.indexOf(dead), 1);
  urls.refused = deadUrl;
  return {
    urls,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}

/** A throw-away self-signed certificate (made by openssl): browsers reject it, as they should. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'govscore-tls-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1'],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}
