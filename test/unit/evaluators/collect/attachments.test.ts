import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAttachments } from '../../../../evaluators/collect/attachments.js';

/** A loopback site serving a list of people as XLSX, a big file, a missing one, an old XLS and a redirect elsewhere. */
let server: Server;
let origin = '';
const requested: string[] = [];

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('名单').addRows([
    ['姓名', '身份证号'],
    ['王某某', '110101199003071233'],
  ]);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  server = createServer((req, res) => {
    requested.push(req.url!);
    if (req.url === '/files/list.xlsx') return res.end(xlsx);
    if (req.url === '/files/big.pdf') return res.end(Buffer.alloc(30_000, 0x25));
    if (req.url === '/files/old.xls') return res.end(Buffer.alloc(100, 0x20));
    if (req.url === '/files/away.docx') return res.writeHead(302, { location: 'http://example.invalid/x.docx' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('readAttachments', () => {
  it('reads the site’s own attachments within the budget, in URL order (not the order in which their links were checked), and says why the others were not read', async () => {
    const kept: Array<{ url: string; text: string }> = [];
    const urls = ['list.xlsx', 'big.pdf', 'gone.docx', 'old.xls', 'away.docx', 'page.html', 'list.xlsx', 'zz-extra.pdf'].map((n) => `${origin}/files/${n}`);
    const { texts, reading } = await readAttachments(
      [...urls, 'http://other.example/files/a.pdf'],
      {
        budget: { maxFiles: 5, maxFileBytes: 20_000, maxTotalBytes: 1_000_000 },
        timeoutMs: 5000,
        userAgent: 'test',
        headers: {},
        delayMs: 0,
        ownSite: (u) => u.startsWith(origin),
      },
      async (url, title, text) => {
        kept.push({ url, text });
        return { url, file: `s/text/${kept.length}.json.gz`, sha256: 'x', chars: text.length, kind: 'attachment' };
      },
    );
    expect(kept).toEqual([{ url: `${origin}/files/list.xlsx`, text: '姓名\t身份证号\n王某某\t110101199003071233' }]);
    expect(texts.map((t) => t.kind)).toEqual(['attachment']);
    // Six distinct same-site attachment links (the page and the other site's file are not attachments of the site).
    expect(reading).toMatchObject({ found: 6, read: 1, overBudget: 1 });
    expect(reading.notRead).toEqual([
      { url: `${origin}/files/away.docx`, reason: 'off-site' },
      { url: `${origin}/files/big.pdf`, reason: 'too-large' },
      { url: `${origin}/files/gone.docx`, reason: 'http-404' },
      { url: `${origin}/files/old.xls`, reason: 'unsupported-format' },
    ]);
    // The file over the count budget, last in URL order, was never requested.
    expect(requested).not.toContain('/files/zz-extra.pdf');
  });
});
