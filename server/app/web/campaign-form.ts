import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

import type { FastifyRequest } from 'fastify';

import { ConfigError } from '../../../common/config-errors.js';
import { loadIndicatorSet } from '../../../indicators/load.js';
import { type Html, html } from '../../../reports/html.js';
import { parseSitesFile, type SitesFile } from '../../config/sites-file.js';
import { registerFromBytes } from '../../import/new-media-register.js';
import type { Campaign } from '../../store/campaigns.js';
import type { Store } from '../../store/store.js';
import { saveCampaignOptions } from './campaign-runner.js';
import { raw } from './layout.js';

/** The new-campaign form: reading the multipart body, checking it, saving the campaign, and the form itself. */

export const maxPagesLimit = 100_000;
/** The form's problems above it: one line, or a list when there are several. */
export const errorBox = (message: string | string[] | null) => {
  const list = message === null ? [] : typeof message === 'string' ? [message] : message;
  if (list.length === 0) return '';
  if (list.length === 1) return html`<p class="error" role="alert">${list[0]}</p>`;
  return html`<div class="error" role="alert"><p>有 ${list.length} 处需要修改：</p><ul>${list.map((m) => html`<li>${m}</li>`)}</ul></div>`;
};

/**
 * A ConfigError as staff read it: the file, its line and field first, then what is wrong and how to fix it, in
 * Chinese where the check wrote it. `document` says which file: the sites file, or an indicator set (by its name).
 */
export const describeConfigError = (e: ConfigError, document = '站点文件') =>
  `${document}第 ${e.line} 行（字段 ${e.field}）有误：${e.zh ?? `${e.problem}（${e.fix}）`}`;

/** How the web names an indicator-set file in its messages (a preset's own file name, not the server's path). */
export const indicatorSetDocument = (e: ConfigError) => `指标体系文件 ${basename(e.file)} `;

/** What the new-campaign form sent, as text (re-shown when it is refused). */
export interface CampaignForm {
  text: string;
  fileName: string | null;
  indicators: string;
  asOf: string;
  maxPages: string;
  /** The longest Retry-After pause (seconds) waited out before a host is recorded as rate-limited. */
  rateLimitPatience: string;
  /** A spot check (抽查): how many sites to draw at random, and the seed that makes the draw reproducible. */
  sample: string;
  seed: string;
  /** The 政务新媒体 register uploaded beside the sites file (.xlsx/.csv), kept in the campaign's folder. */
  register?: { name: string; bytes: Buffer } | null;
}

const emptyForm: CampaignForm = {
  text: '',
  fileName: null,
  indicators: '',
  asOf: '',
  maxPages: '',
  rateLimitPatience: '',
  sample: '',
  seed: '',
  register: null,
};
const textFields = ['indicators', 'asOf', 'maxPages', 'rateLimitPatience', 'sample', 'seed'] as const;
/** A day: a host that asks for a longer pause than this is rate-limited whatever the office is ready to wait. */
export const patienceLimitS = 86_400;
export const maxSeedLength = 100;

/** The multipart form: two optional files (the sites file, the new-media register) and a few fields. */
export async function readCampaignForm(request: FastifyRequest): Promise<CampaignForm> {
  const form: CampaignForm = { ...emptyForm };
  let upload = '';
  for await (const part of request.parts({ limits: { files: 2 } })) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer(); // throws past the app's 10 MB limit
      if (part.fieldname === 'newMediaUpload') {
        if (buffer.length) form.register = { name: part.filename.split(/[\\/]/).pop() || 'new-media.xlsx', bytes: buffer };
      } else if (buffer.length) {
        upload = buffer.toString('utf8');
        form.fileName = part.filename.split(/[\\/]/).pop() || 'sites.yaml';
      }
    } else if (part.fieldname === 'sitesText' || (textFields as readonly string[]).includes(part.fieldname)) {
      if (part.valueTruncated) throw new FormProblem('粘贴的内容过长，请改为上传文件。');
      form[part.fieldname === 'sitesText' ? 'text' : (part.fieldname as (typeof textFields)[number])] = String(part.value ?? '');
    }
  }
  // An uploaded file wins over the text box; a BOM (Windows editors) is not part of the YAML.
  if (upload) form.text = upload;
  form.text = form.text.replace(/^\uFEFF/, '');
  return form;
}

/** What is wrong with a form, every problem of it, in Chinese. */
export class FormProblem extends Error {
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

/** A calendar date as YYYY-MM-DD (no 2026-02-30). */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks the form and says every problem at once; the sites file is parsed in memory so that a broken one
 * leaves nothing behind. Throws a FormProblem listing them.
 */
export function checkCampaignForm(form: CampaignForm, presets: string[]): { sites: SitesFile; indicators: string } {
  const problems: string[] = [];
  if (form.indicators && !presets.includes(form.indicators)) problems.push(`没有名为 ${form.indicators} 的指标体系。`);
  if (form.asOf && !isDate(form.asOf)) problems.push('评估日期应为实际存在的日期，格式如 2026-11-21。');
  if (form.maxPages && !(/^\d+$/.test(form.maxPages) && Number(form.maxPages) >= 1 && Number(form.maxPages) <= maxPagesLimit))
    problems.push(`每个网站最多打开的页面数应为 1 到 ${maxPagesLimit} 之间的整数。`);
  if (
    form.rateLimitPatience &&
    !(/^\d+$/.test(form.rateLimitPatience) && Number(form.rateLimitPatience) >= 1 && Number(form.rateLimitPatience) <= patienceLimitS)
  )
    problems.push(`限流等待上限应为 1 到 ${patienceLimitS} 之间的整数（秒）。`);
  if (form.seed.length > maxSeedLength) problems.push(`抽样种子不能超过 ${maxSeedLength} 个字符。`);
  if (form.seed.trim() && !form.sample) problems.push('填写了抽样种子，请同时填写抽查网站数；评估全部网站时种子不起作用。');
  let sites: SitesFile | null = null;
  if (!form.text.trim()) problems.push('请上传站点文件，或把站点文件内容粘贴到文本框中。');
  else {
    try {
      sites = parseSitesFile(form.text, form.fileName ?? 'sites.yaml');
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(describeConfigError(error));
    }
  }
  if (sites && form.sample && !(/^\d+$/.test(form.sample) && Number(form.sample) >= 1 && Number(form.sample) < sites.sites.length)) {
    problems.push(`抽查网站数应为 1 到 ${sites.sites.length - 1} 之间的整数（站点文件共 ${sites.sites.length} 个网站；评估全部网站请留空）。`);
  }
  // The register, like a set file, is named relative to where the sites file was written, which an upload loses:
  // it is uploaded beside it (and read by checkRegister).
  if (sites?.newMedia && !form.register)
    problems.push(`站点文件指定了政务新媒体登记表 ${sites.newMedia}，请在“政务新媒体登记表”中上传该文件（或删去站点文件中的 newMedia 一行）。`);
  const indicators = form.indicators || sites?.indicators;
  // A set file named in the sites file is relative to where it was written, which an upload loses.
  if (sites && indicators && !presets.includes(indicators) && !form.indicators)
    problems.push(`站点文件指定的指标体系 ${indicators} 不是内置指标体系，请在“指标体系”中选择一个。`);
  else if (indicators && presets.includes(indicators)) {
    // The set is read now, so that one that does not load is said here, with its line, rather than when the run starts.
    try {
      loadIndicatorSet(indicators);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(describeConfigError(error, indicatorSetDocument(error)));
    }
  }
  if (problems.length || !sites || !indicators) throw new FormProblem(problems);
  return { sites, indicators };
}

/** The uploaded register read now against the sites file, so that a wrong row is said with its line before anything is saved. */
export async function checkRegister(form: CampaignForm, sites: SitesFile): Promise<void> {
  if (!form.register) return;
  try {
    await registerFromBytes(form.register.bytes, form.register.name, sites.sites);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new FormProblem(describeConfigError(error, `政务新媒体登记表 ${form.register.name} `));
  }
}

/** Where a campaign keeps its register: one name per kind, whatever the office called the file. */
const registerFile = (register: { name: string }) => `new-media${extname(register.name).toLowerCase()}`;

/**
 * Saves the campaign: the row and its folder (`<dataDir>/campaigns/<id>/`) in one transaction, so a
 * failed write leaves no campaign. The folder is named by the row's id, which exists only after the
 * insert, hence the sites_file update inside the same transaction.
 */
export function saveCampaign(store: Store, dataDir: string, form: CampaignForm, checked: { sites: SitesFile; indicators: string }, userId: number): Campaign {
  let folder: string | null = null;
  try {
    return store.db.transaction(() => {
      const added = store.campaigns.add({
        name: checked.sites.name,
        sitesFile: '',
        indicators: checked.indicators,
        asOf: form.asOf || checked.sites.asOf,
        userId,
      });
      folder = join(dataDir, 'campaigns', String(added.id));
      const sitesFile = join(folder, form.text.trimStart().startsWith('{') ? 'sites.json' : 'sites.yaml');
      mkdirSync(folder, { recursive: true });
      writeFileSync(sitesFile, form.text);
      if (form.register) writeFileSync(join(folder, registerFile(form.register)), form.register.bytes);
      // Without a seed the draw is seeded by the evaluation date (as `assess --sample` does), written out so
      // the campaign page shows the seed the run will record.
      const sample = form.sample ? { sample: Number(form.sample), seed: form.seed.trim() || added.asOf } : {};
      saveCampaignOptions(sitesFile, {
        ...(form.indicators ? { indicators: form.indicators } : {}),
        ...(form.asOf ? { asOf: form.asOf } : {}),
        ...(form.maxPages ? { maxPages: Number(form.maxPages) } : {}),
        ...(form.rateLimitPatience ? { rateLimitPatience: Number(form.rateLimitPatience) } : {}),
        ...(form.register ? { newMedia: registerFile(form.register) } : {}),
        ...sample,
      });
      store.campaigns.setSitesFile(added.id, sitesFile);
      store.reviews.audit(userId, 'campaign-created', `campaign:${added.id}`, { name: added.name });
      return store.campaigns.get(added.id)!;
    })();
  } catch (error) {
    if (folder) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

export function campaignFormPage(csrf: string, presets: string[], form: CampaignForm | null, error: string | string[] | null): Html {
  const f = form ?? emptyForm;
  // Multipart bodies are read by the handler, after the CSRF check: the token travels in the query string.
  return html`<h1>新建评估</h1><p class="meta">上传或粘贴站点文件（YAML 或 JSON），选择指标体系和评估日期。创建后可查看各分组的网站数，再开始评估。</p>${errorBox(error)}
<form method="post" action="${`/staff/campaigns?_csrf=${encodeURIComponent(csrf)}`}" enctype="multipart/form-data" class="card">
<label for="sitesUpload">上传站点文件</label><input id="sitesUpload" type="file" name="sitesUpload" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" aria-describedby="sites-help">
<label for="sitesText">或粘贴站点文件内容</label><textarea id="sitesText" name="sitesText" rows="14" spellcheck="false" aria-describedby="sites-help">${f.text}</textarea>
<div id="sites-help" class="note"><p>同时上传和粘贴时以上传的文件为准。格式示例：</p><pre>name: 2026年度某市政府网站绩效评估
asOf: 2026-11-21
indicators: national-2019
sites:
  - id: jyj
    name: 某市教育局
    url: https://jyj.example.gov.cn/
    group: 市直部门</pre></div>
<label for="indicators">指标体系</label><select id="indicators" name="indicators"><option value="">按站点文件的设定</option>${presets.map((p) => html`<option value="${p}"${f.indicators === p ? raw(' selected') : ''}>${p}</option>`)}</select>
<label for="asOf">评估日期（可不填，默认用站点文件中的日期）</label><input id="asOf" type="date" name="asOf" value="${f.asOf}">
<label for="maxPages">每个网站最多打开的页面数（可不填，默认 500）</label><input id="maxPages" type="number" name="maxPages" min="1" max="${maxPagesLimit}" step="1" value="${f.maxPages}">
<label for="rateLimitPatience">限流等待上限（秒，可不填，默认 120）</label><input id="rateLimitPatience" type="number" name="rateLimitPatience" min="1" max="${patienceLimitS}" step="1" value="${f.rateLimitPatience}" aria-describedby="patience-help">
<p id="patience-help" class="note">网站返回 429 或 503 并要求稍后再访问（Retry-After）时，等待不超过此时长后继续采集；要求更久的，该网站记为“被限流”，不计分，可稍后重新评估。</p>
<label for="newMediaUpload">政务新媒体登记表（可不填，.xlsx 或 .csv）</label><input id="newMediaUpload" type="file" name="newMediaUpload" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="new-media-help">
<p id="new-media-help" class="note">各网站的政务新媒体账号（列：网站、平台、账号名称、最后发布日期等），用于检查两周内是否更新、是否多头开设和互动情况。不上传则不检查政务新媒体；站点文件写有 newMedia 时须在此上传该文件。</p>
<fieldset><legend>随机抽查（可不填，默认评估全部网站）</legend>
<label for="sample">抽查网站数</label><input id="sample" type="number" name="sample" min="1" step="1" value="${f.sample}" aria-describedby="sample-help">
<label for="seed">抽样种子（可不填，默认用评估日期）</label><input id="seed" type="text" name="seed" maxlength="${maxSeedLength}" value="${f.seed}" aria-describedby="sample-help">
<p id="sample-help" class="note">从站点文件中随机抽取指定数量的网站进行评估。同一站点文件、抽查数和种子总是抽中相同的网站，种子会写入评估报告，便于复核抽样未经挑选。</p></fieldset>
<p><button type="submit">创建评估</button></p></form>`;
}
