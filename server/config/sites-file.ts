/**
 * The sites file: which portals to assess, on what date, against which indicator set. Written by hand
 * (YAML) or by tools (JSON), so every mistake is reported with its file, line and field.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { type Static, Type } from '@sinclair/typebox';

import { checkSchema, ConfigError, configErrorAt, formatField, locate, parseYamlSource } from '../../common/config-errors.js';

export const DEFAULT_INDICATORS = 'national-2019';
export const DEFAULT_GROUP = '默认分组';

// Descriptions are the "how to fix" part of error messages and the docs of the published JSON Schema.
const SiteSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]+$', description: 'a unique id of lowercase letters, digits and -, e.g. jyj' }),
    name: Type.String({ minLength: 1, description: 'the site name shown in reports, e.g. 某市教育局' }),
    url: Type.String({ minLength: 1, description: 'the absolute http(s) address of the home page, e.g. https://jyj.example.gov.cn/' }),
    group: Type.Optional(Type.String({ minLength: 1, default: DEFAULT_GROUP, description: 'the peer group ranks are computed within, e.g. 市直部门' })),
    services: Type.Optional(Type.Boolean({ default: true, description: 'whether the site provides 办事服务: true or false' })),
    level: Type.Optional(
      Type.Union([Type.Literal('government'), Type.Literal('department')], {
        description:
          'government (a 人民政府 portal: Art. 21 items, report due 31 March) or department (report due 31 January); default: government when the name ends in 人民政府',
      }),
    ),
    portal: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$',
        description: "the domain of the site's government portal, which a department site's host should sit under, e.g. example.gov.cn",
      }),
    ),
  },
  { additionalProperties: false, description: 'one site: id, name, url, and optionally group, services, level and portal' },
);

export const SitesFileSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'the title of the assessment, e.g. 2026年度某市政府网站绩效评估' }),
    // The pattern is checked here; whether the date exists (no 2026-02-30) is checked in code.
    asOf: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the evaluation date as YYYY-MM-DD, e.g. 2026-11-21' }),
    indicators: Type.Optional(
      Type.String({ minLength: 1, default: DEFAULT_INDICATORS, description: 'an indicator-set preset id or file path, e.g. national-2019' }),
    ),
    dictionaries: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'the folder of the wording check’s dictionaries (leaders.csv, wording.csv, sensitive.csv), relative to this file; default: the shipped examples',
      }),
    ),
    sites: Type.Array(SiteSchema, { minItems: 1, description: 'the sites to assess, one "- id: …" entry each' }),
    newMedia: Type.Optional(
      Type.String({
        minLength: 1,
        description: "the register of the sites' 政务新媒体 accounts (.xlsx or .csv), relative to this file, e.g. 政务新媒体账号.xlsx",
      }),
    ),
  },
  { additionalProperties: false, title: 'govscore sites file', description: 'a list of government websites to assess' },
);

/** A site with defaults applied. */
export type Site = Required<Omit<Static<typeof SiteSchema>, 'portal'>> & { portal: string | null };

export interface SitesFile {
  name: string;
  asOf: string;
  indicators: string;
  /** The folder of the wording check's dictionaries, resolved against the file's folder; null: the shipped examples. */
  dictionaries: string | null;
  sites: Site[];
  /** The new-media register as written in the file (relative to it), or null. */
  newMedia: string | null;
  /** The file as given and the sha256 of its text: a changed file makes a new run. */
  source: { file: string; sha256: string };
}

export function loadSitesFile(path: string): SitesFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new ConfigError(path, 1, '(file)', `cannot be read: ${reason}`, 'check the path of the sites file');
  }
  return parseSitesFile(text, path);
}

/** Parses and validates a sites file; `file` is only used in error messages and `source`. */
export function parseSitesFile(text: string, file: string): SitesFile {
  const source = parseYamlSource(text, file);
  checkSchema(source, SitesFileSchema);
  const raw = source.value as Static<typeof SitesFileSchema>;

  if (!isCalendarDate(raw.asOf)) {
    throw configErrorAt(
      source,
      ['asOf'],
      `${raw.asOf} is not a calendar date`,
      'use a date that exists, as YYYY-MM-DD',
      `${raw.asOf} 不是实际存在的日期，请写成如 2026-11-21`,
    );
  }
  const firstById = new Map<string, number>();
  raw.sites.forEach((site, i) => {
    const first = firstById.get(site.id);
    if (first !== undefined) {
      const where = `${formatField(['sites', first])} at line ${locate(source, ['sites', first, 'id']).line}`;
      throw configErrorAt(
        source,
        ['sites', i, 'id'],
        `duplicate id ${site.id}, already used by ${where}`,
        'give each site its own id',
        `网站标识 ${site.id} 重复，第 ${locate(source, ['sites', first, 'id']).line} 行已使用，请为每个网站设不同的标识`,
      );
    }
    firstById.set(site.id, i);
    const problem = urlProblem(site.url);
    if (problem)
      throw configErrorAt(
        source,
        ['sites', i, 'url'],
        problem,
        'write the full address, e.g. https://jyj.example.gov.cn/',
        `${site.url} 不是完整的 http 或 https 网址，请写成如 https://jyj.example.gov.cn/`,
      );
  });

  // The wording check's dictionaries, a folder beside the sites file: one that is not there is said here, at its line.
  const dictionaries = raw.dictionaries === undefined ? null : resolve(dirname(file), raw.dictionaries);
  if (dictionaries && !statSync(dictionaries, { throwIfNoEntry: false })?.isDirectory())
    throw configErrorAt(
      source,
      ['dictionaries'],
      `${raw.dictionaries} is not a folder (looked for ${dictionaries})`,
      'give the folder holding leaders.csv, wording.csv and/or sensitive.csv, relative to this file',
      `词典目录 ${raw.dictionaries} 不存在，请填写存放 leaders.csv、wording.csv、sensitive.csv 的目录（相对于本文件）`,
    );

  return {
    name: raw.name,
    asOf: raw.asOf,
    indicators: raw.indicators ?? DEFAULT_INDICATORS,
    dictionaries,
    sites: raw.sites.map((s) => ({
      id: s.id,
      name: s.name,
      url: s.url,
      group: s.group ?? DEFAULT_GROUP,
      services: s.services ?? true,
      level: s.level ?? levelFromName(s.name),
      portal: s.portal?.toLowerCase() ?? null,
    })),
    newMedia: raw.newMedia ?? null,
    source: { file, sha256: createHash('sha256').update(text).digest('hex') },
  };
}

/** A city or county government's portal is named after it (某市人民政府, 某县人民政府门户网站). */
export function levelFromName(name: string): 'government' | 'department' {
  return /人民政府(门户网站|网站)?$/.test(name.trim()) ? 'government' : 'department';
}

/** `Date.parse` rolls 2026-02-30 over to March; a real date survives the round trip unchanged. */
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${value} is not an absolute URL`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `${value} is not an http: or https: URL`;
}
