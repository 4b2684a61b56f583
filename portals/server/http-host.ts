import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import iconv from 'iconv-lite';

import type { Reply } from '../render/context.js';

type Handler = (query: URLSearchParams) => Reply;

/** Failure modes a test can switch on at run time (availability probes, retries, the failure taxonomy). */
export interface HostFaults {
  /** 'reset': the connection is dropped; 'hang': accepted and never answered; 'http-5xx': an error page. */
  down: null | 'reset' | 'hang' | 'http-500' | 'http-503';
  latencyMs: number;
}

export interface HostOptions {
  routes: Map<string, Handler>;
  encoding: 'utf-8' | 'gbk';
  latencyMs: number;
  /** Anti-bot firewall: without this cookie every request gets 412 and a script that sets it. */
  wafCookie: string | null;
  /** A hijacked homepage: a spider's request for / is sent here with a 302 (link checks' planted case). */
  spiderRedirect?: string | null;
}

/** One loopback HTTP host with its routes, encodings and failure behaviours. */
export class PortalHost {
  readonly faults: HostFaults;
  private server: Server;
  private sockets = new Set<Socket>();
  origin = '';
  requests = 0;
  /** Page loads by a browser (Sec-Fetch-Dest: document), by path and query: what a resumed crawl opens again. */
  readonly documentLoads = new Map<string, number>();

  constructor(private readonly options: HostOptions) {
    this.faults = { down: null, latencyMs: options.latencyMs };
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      if (this.faults.down === 'reset') return socket.destroy();
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(host: string, port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.origin = `http://${host}:${address.port}`;
    return this.origin;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    const url = new URL(req.url ?? '/', 'http://host');
    if (req.headers['sec-fetch-dest'] === 'document')
      this.documentLoads.set(url.pathname + url.search, (this.documentLoads.get(url.pathname + url.search) ?? 0) + 1);
    if (this.faults.down === 'reset') return void req.socket.destroy();
    if (this.faults.down === 'hang' || url.pathname.startsWith('/slow/hang/')) return; // never answered
    const delayMatch = /^\/slow\/delay\/(\d+)\//.exec(url.pathname);
    const delay = this.faults.latencyMs + (delayMatch ? Number(delayMatch[1]) : 0);
    const reply = () => {
      if (res.destroyed) return;
      this.send(res, this.resolve(req, url));
    };
    // Form posts (the Hanweb data proxy) carry their parameters in the body: merge them into the query.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.length < 64 && chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST') for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) url.searchParams.append(k, v);
      if (delay > 0) setTimeout(reply, delay);
      else reply();
    });
  }

  private resolve(req: IncomingMessage, url: URL): Reply {
    if (this.faults.down === 'http-500' || this.faults.down === 'http-503') {
      const status = this.faults.down === 'http-500' ? 500 : 503;
      return { status, type: 'text/html', body: `<h1>${status}</h1>` };
    }
    const cookie = this.options.wafCookie;
    if (cookie && !(req.headers.cookie ?? '').includes(cookie)) return wafChallenge(cookie);
    const pathname = url.pathname.replace(/^\/slow\/delay\/\d+/, '');
    if (this.options.spiderRedirect && pathname === '/' && /spider|bot/i.test(req.headers['user-agent'] ?? ''))
      return { status: 302, type: 'text/html', body: '', headers: { Location: this.options.spiderRedirect } };
    const handler = this.options.routes.get(pathname);
    if (!handler) return { status: 404, type: 'text/html', body: notFound };
    return handler(url.searchParams);
  }

  private send(res: ServerResponse, reply: Reply): void {
    const isHtml = reply.type === 'text/html';
    let body: Buffer;
    let type = reply.type;
    if (typeof reply.body === 'string') {
      // Old GBK sites send no charset in the header: the browser must read the <meta http-equiv>.
      if (isHtml && this.options.encoding === 'gbk') body = iconv.encode(reply.body, 'gbk');
      else {
        body = Buffer.from(reply.body, 'utf8');
        type += '; charset=utf-8';
      }
    } else body = reply.body;
    res.writeHead(reply.status, { 'Content-Type': type, 'Content-Length': body.length, Server: 'Apache', ...reply.headers });
    res.end(body);
  }
}

const notFound =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>404 页面不存在</title></head><body><h1>404</h1><p>您访问的页面不存在或已被删除。</p></body></html>';

function wafChallenge(cookie: string): Reply {
  const body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body><script>document.cookie="${cookie}; path=/";location.reload();</script></body></html>`;
  return { status: 412, type: 'text/html', body, headers: { 'Cache-Control': 'no-store' } };
}
