import { Command, InvalidArgumentError, Option } from 'commander';

import { ConfigError } from '../../common/config-errors.js';
import { UsageError } from '../../common/usage-error.js';
import { type OutputFormat, outputFormats } from '../../reports/output-formats.js';
import { defaultWorkerOptions } from '../queue/worker-options.js';

// Each command loads its modules when it runs: loading all of them (Fastify, BullMQ, Puppeteer, Vega,
// ExcelJS) took seconds before any command started, which short commands (override, publish) paid every time.

const positiveInt = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} takes a whole number ≥ 1`);
  return n;
};
const wholeNumber = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${flag} takes a whole number ≥ 0`);
  return n;
};
const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date like 2026-11-21');
  return value;
};

const program = new Command('govscore').description('政府网站绩效评估 — assess government websites against national indicator sets').showHelpAfterError();

/** The flags of `govscore assess`, as commander parses them. */
interface AssessFlags {
  out: string;
  db?: string;
  asOf?: string;
  indicators?: string;
  maxPages?: number;
  concurrency?: number;
  ignoreRobots?: boolean;
  delayMs?: number;
  rateLimitPatience?: number;
  evidenceMb?: number;
  axe: 'sample' | 'key-pages' | 'all' | 'off';
  lighthousePages: number;
  queue?: string;
  sample?: number;
  seed?: string;
  dictionaries?: string;
  newMedia?: string;
}

program
  .command('assess')
  .description('crawl the sites of a sites file, score them and write results.json, ranking.csv and report.html')
  .argument('<sites-file>', 'sites file (YAML or JSON)')
  .option('--out <dir>', 'output folder', 'out/assess')
  .option('--db <file>', 'SQLite store (default: <out>/govscore.db); the same command on the same store resumes')
  .option('--as-of <date>', 'evaluation date (default: the sites file asOf)', isoDate)
  .option('--indicators <id|file>', 'indicator set: preset id or file (default: the sites file)')
  .option('--max-pages <n>', 'pages opened per site at most', positiveInt('--max-pages'))
  .option('--concurrency <n>', 'sites crawled at once', positiveInt('--concurrency'))
  .option('--ignore-robots', 'crawl pages robots.txt disallows (the evaluation office decides; shown in the report)')
  .option('--delay-ms <n>', 'pause between page loads on one host', positiveInt('--delay-ms'))
  .option(
    '--rate-limit-patience <s>',
    'longest Retry-After pause (429/503) waited out, in seconds (default 120); a host asking more is not contacted again and its site is recorded as rate-limited',
    positiveInt('--rate-limit-patience'),
  )
  .option('--evidence-mb <n>', 'screenshots kept per run, in MB (default 500)', positiveInt('--evidence-mb'))
  .addOption(
    new Option(
      '--axe <scope>',
      'pages axe-core scans: sample (homepage, first 5 columns and their newest article), key-pages (every column page and its newest articles), all, off',
    )
      .choices(['sample', 'key-pages', 'all', 'off'])
      .default('sample'),
  )
  .option('--lighthouse-pages <n>', 'Lighthouse runs per site: the homepage, then the first columns; 0 = none', wholeNumber('--lighthouse-pages'), 2)
  .option('--sample <n>', 'assess a random sample of n sites of the file (spot checks); recorded with its seed in the reports', positiveInt('--sample'))
  .option('--seed <text>', 'seed of --sample (default: the evaluation date); the same file, n and seed give the same sites')
  .option(
    '--dictionaries <dir>',
    'folder of the wording check’s dictionaries (leaders.csv, wording.csv, sensitive.csv; default: the sites file’s dictionaries, else the shipped examples); stored with the run with their sha256',
  )
  .option(
    '--queue <redis-url>',
    'hand the sites to `govscore worker` processes through BullMQ on this Redis (e.g. redis://127.0.0.1:6379) instead of crawling here; this process stays the only writer of the store',
  )
  .option(
    '--new-media <file>',
    "register of the sites' 政务新媒体 accounts (.xlsx or .csv: 网站, 平台, 账号名称, 最后发布日期 …; default: the sites file's newMedia); stored with the run",
  )
  .action(async (sitesFile: string, o: AssessFlags) => {
    const { assess } = await import('./assess.js');
    await assess({
      sitesFile,
      out: o.out,
      db: o.db,
      asOf: o.asOf,
      indicators: o.indicators,
      maxPages: o.maxPages,
      concurrency: o.concurrency,
      ignoreRobots: o.ignoreRobots,
      delayMs: o.delayMs,
      rateLimitPatienceMs: o.rateLimitPatience === undefined ? undefined : o.rateLimitPatience * 1000,
      evidenceMb: o.evidenceMb,
      axe: o.axe,
      lighthousePages: o.lighthousePages,
      queue: o.queue,
      sample: o.sample,
      seed: o.seed,
      dictionaries: o.dictionaries,
      newMedia: o.newMedia,
      progress: true,
    });
  });

program
  .command('worker')
  .description(
    'take sites (and monitor probes) from the BullMQ queue on Redis, crawl them and send the results to the coordinator; on Ctrl-C / SIGTERM hands the sites in hand back and exits within 10 s',
  )
  .requiredOption('--redis <url>', 'the Redis of the queue, e.g. redis://10.0.0.5:6379')
  .option('--concurrency <n>', 'sites crawled at once by this worker', positiveInt('--concurrency'), defaultWorkerOptions.concurrency)
  .option(
    '--host-rate <n>',
    'page loads and link checks per second on one host, summed over all workers',
    positiveInt('--host-rate'),
    defaultWorkerOptions.hostRate,
  )
  .option('--lock-ms <n>', 'after a worker dies, its sites go back to the queue within this long', positiveInt('--lock-ms'), defaultWorkerOptions.lockMs)
  .action(async (o: { redis: string; concurrency: number; hostRate: number; lockMs: number }) => {
    const { runWorkerUntilStopped } = await import('./worker.js');
    await runWorkerUntilStopped({ redisUrl: o.redis, concurrency: o.concurrency, hostRate: o.hostRate, lockMs: o.lockMs });
  });

const positiveNumber = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError(`${flag} takes a number > 0`);
  return n;
};

program
  .command('monitor')
  .description('probe every homepage on the national availability protocol (15 s rule) and store each probe for assess')
  .argument('<sites-file>', 'sites file (YAML or JSON)')
  .option('--db <file>', 'SQLite store shared with assess', 'out/assess/govscore.db')
  .option('--days <n>', 'monitoring days', positiveNumber('--days'), 7)
  .option('--per-day <n>', 'probes per site per day', positiveInt('--per-day'), 20)
  .option('--interval-ms <n>', 'spacing of rounds in ms instead of 24 h / per-day (drills, tests)', positiveInt('--interval-ms'))
  .option('--queue <redis-url>', 'schedule the rounds in BullMQ on this Redis; `govscore worker` processes take the probes')
  .action(async (sitesFile: string, o: { db: string; days: number; perDay: number; intervalMs?: number; queue?: string }) => {
    const { monitor } = await import('./monitor.js');
    await monitor({ sitesFile, db: o.db, days: o.days, perDay: o.perDay, intervalMs: o.intervalMs, queue: o.queue });
  });

program
  .command('watch')
  .description(
    'between campaigns: a light check of the homepage, first-level columns, mailbox and probes that warns departments (webhook, e-mail) before a veto; warnings stored and sent once',
  )
  .argument('<sites-file>', 'sites file (YAML or JSON)')
  .option('--db <file>', 'SQLite store the warnings are kept in (the web app shows each department its own)', 'out/assess/govscore.db')
  .option('--as-of <date>', 'the check’s date, a simulated clock for drills (default: today in --tz; with --queue, the day each check is due)', isoDate)
  .option('--notify <file>', 'delivery file: smtp, departments (name, sites, email, webhook url + secret) and leadDays; without it warnings are only stored')
  .option('--concurrency <n>', 'sites checked at once', positiveInt('--concurrency'), 2)
  .option('--queue <redis-url>', 'run the check as a BullMQ job scheduler on this Redis, taken by this process until stopped')
  .option('--cron <pattern>', 'with --queue: when, e.g. "0 7 * * *" (07:00 every day)')
  .option('--tz <zone>', 'time zone of --cron and of the checks’ dates', 'Asia/Shanghai')
  .option('--every-ms <n>', 'with --queue: every n ms (drills, tests)', positiveInt('--every-ms'))
  .option('--times <n>', 'with --queue: stop after n checks and remove the schedule', positiveInt('--times'))
  .option('--name <id>', 'with --queue: name of the schedule (default: from the sites file and store)')
  .option('--retry-ms <n>', 'pause before a failed delivery is tried again, doubled each time (4 attempts)', positiveInt('--retry-ms'), 2000)
  .action(
    async (
      sitesFile: string,
      o: {
        db: string;
        asOf?: string;
        notify?: string;
        concurrency: number;
        queue?: string;
        cron?: string;
        tz: string;
        everyMs?: number;
        times?: number;
        name?: string;
        retryMs: number;
      },
    ) => {
      const { watch } = await import('./watch.js');
      const summaries = await watch({ sitesFile, ...o, retry: { attempts: 4, backoffMs: o.retryMs, timeoutMs: 10_000 } });
      if (summaries.some((s) => s.delivery.failed.length)) process.exitCode = 3;
    },
  );

program
  .command('rescore')
  .description('score a stored run again under an indicator set, from its observations only (no browser); earlier scores are kept')
  .requiredOption('--db <file>', 'the SQLite store of the run')
  .requiredOption('--run <id>', 'run id (results.json assessment.runId)')
  .requiredOption('--indicators <id|file>', 'indicator set: preset id or file')
  .option('--out <dir>', 'output folder for results.json, ranking.csv, report.html', 'out/rescore')
  .option(
    '--dictionaries <dir>',
    'score the text checks with this folder of dictionaries from now on (stored with the run with their sha256); default: the run’s',
  )
  .action(async (o: { db: string; run: string; indicators: string; out: string; dictionaries?: string }) => {
    const { rescore } = await import('./rescore.js');
    await rescore({ db: o.db, runId: o.run, indicators: o.indicators, out: o.out, dictionaries: o.dictionaries });
  });

program
  .command('recheck')
  .description(
    '整改复核: collect again what a stored run’s findings rest on, mark each fixed / not fixed / not measured, add new ones; recheck.json and the notice',
  )
  .requiredOption('--run <id>', 'the run whose findings are re-checked')
  .option('--db <file>', 'the SQLite store of the run', 'out/assess/govscore.db')
  .option('--sites <ids>', 'only these sites (comma-separated ids; default: every site with a finding)')
  .option('--out <dir>', 'output folder for recheck.json and recheck-notice.html', 'out/recheck')
  .option('--deadline <date>', 'the fix deadline of the order (整改期限), stated in the notice', isoDate)
  .option('--as-of <date>', 're-check date (default: today)', isoDate)
  .option('--max-pages <n>', 'pages opened per site at most (default: the run’s budget)', positiveInt('--max-pages'))
  .option('--concurrency <n>', 'sites crawled at once', positiveInt('--concurrency'), 2)
  .option('--issuer <name>', 'the issuing office named in the notice')
  .action(
    async (o: {
      run: string;
      db: string;
      sites?: string;
      out: string;
      deadline?: string;
      asOf?: string;
      maxPages?: number;
      concurrency: number;
      issuer?: string;
    }) => {
      const { recheck } = await import('./recheck.js');
      await recheck({
        db: o.db,
        runId: o.run,
        sites: o.sites
          ? o.sites
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : undefined,
        out: o.out,
        deadline: o.deadline,
        asOf: o.asOf,
        maxPages: o.maxPages,
        concurrency: o.concurrency,
        issuer: o.issuer,
      });
    },
  );

const formatList = (value: string): OutputFormat[] => {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !outputFormats.includes(f as OutputFormat));
  if (unknown.length || !formats.length) throw new InvalidArgumentError(`formats are ${outputFormats.join(', ')}; got "${value}"`);
  return formats as OutputFormat[];
};

program
  .command('report')
  .description('write every output of a stored run: ranking report, department reports, notice draft, charts, and PDF/XLSX/CSV/JSON')
  .requiredOption('--db <file>', 'the SQLite store of the run')
  .requiredOption('--run <id>', 'run id (results.json assessment.runId)')
  .option('--out <dir>', 'output folder', 'out/report')
  .option('--format <list>', `comma-separated: ${outputFormats.join(',')}`, formatList, [...outputFormats])
  .option('--indicators <id|file>', 'indicator set (default: the one the run was last scored with)')
  .option('--notice-template <file>', 'Mustache template of the notice draft (default: reports/templates/notice.mustache)')
  .option('--issuer <name>', 'the issuing office named in the notice, e.g. 某市人民政府办公室')
  .option(
    '--compare <run-id>',
    'an earlier run of the same sites: each finding shown as 新发现/已整改/仍存在/本次未能测量 (report, department reports, XLSX sheet 问题变化)',
  )
  .action(
    async (o: {
      db: string;
      run: string;
      out: string;
      format: OutputFormat[];
      indicators?: string;
      noticeTemplate?: string;
      issuer?: string;
      compare?: string;
    }) => {
      const { report } = await import('./report.js');
      await report({
        db: o.db,
        runId: o.run,
        out: o.out,
        formats: o.format,
        indicators: o.indicators,
        noticeTemplate: o.noticeTemplate,
        issuer: o.issuer,
        compare: o.compare,
      });
    },
  );

program
  .command('import')
  .description('score an imported reporting table (政务信息报送, CSV or XLSX with Chinese headers): one run and ranking per period')
  .argument('<table>', 'CSV (UTF-8 or GBK) or XLSX file: 单位, 期间, 报送, 国办采用, 省级采用, 市级采用, 批示, 任务数 …')
  .option('--db <file>', 'SQLite store', 'out/import/govscore.db')
  .option('--indicators <id|file>', 'indicator set of imported columns', 'info-reporting')
  .option('--out <dir>', 'output folder (one sub-folder per period when the table has several)', 'out/import')
  .option('--sheet <name>', 'XLSX sheet to read (default: the first visible one)')
  .option('--period <period>', 'period of a table without a period column, e.g. 2026-Q3, 2026-09, 2026-H1')
  .option('--name <text>', 'title of the runs (default: the file name)')
  .action(async (table: string, o: { db: string; indicators: string; out: string; sheet?: string; period?: string; name?: string }) => {
    const { importTable } = await import('./import.js');
    await importTable({ table, db: o.db, indicators: o.indicators, out: o.out, sheet: o.sheet, period: o.period, name: o.name });
  });

const yesNo = (value: string) => {
  if (/^(yes|true|1|是)$/i.test(value)) return true;
  if (/^(no|false|0|否)$/i.test(value)) return false;
  throw new InvalidArgumentError('expected yes or no');
};
const points = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number of points, e.g. 3 or 2.5');
  return n;
};

const override = program
  .command('override')
  .description("reviewers' overrides of one indicator for one site (kept with who, when and why; they survive re-scoring)");
override
  .command('add')
  .description('override an indicator of a site: --points for a scored indicator, --veto yes|no for a veto')
  .requiredOption('--db <file>', 'the SQLite store of the run')
  .requiredOption('--run <id>', 'run id')
  .requiredOption('--site <id>', 'site id')
  .requiredOption('--indicator <id>', 'indicator id, e.g. D1')
  .option('--points <n>', 'points the site keeps (or earns) on this indicator', points)
  .option('--veto <yes|no>', 'set or clear a veto', yesNo)
  .requiredOption('--reason <text>', 'why (shown in the reports)')
  .requiredOption('--by <name>', 'the reviewer')
  .option('--indicators <id|file>', 'indicator set to check the indicator against (default: the run’s)')
  .action(
    async (o: {
      db: string;
      run: string;
      site: string;
      indicator: string;
      points?: number;
      veto?: boolean;
      reason: string;
      by: string;
      indicators?: string;
    }) => {
      const { addOverride, describeOverride } = await import('./override.js');
      const row = addOverride({
        db: o.db,
        runId: o.run,
        siteId: o.site,
        indicator: o.indicator,
        points: o.points,
        veto: o.veto,
        reason: o.reason,
        by: o.by,
        indicators: o.indicators,
      });
      console.log(`recorded ${describeOverride(row)}`);
      console.log(`it counts from the next scoring: govscore rescore --db ${o.db} --run ${o.run} --indicators <set>`);
    },
  );
override
  .command('list')
  .description('every override of a run, revoked ones too')
  .requiredOption('--db <file>', 'the SQLite store of the run')
  .requiredOption('--run <id>', 'run id')
  .action(async (o: { db: string; run: string }) => {
    const { describeOverride, listOverrides } = await import('./override.js');
    const rows = listOverrides(o.db, o.run);
    if (!rows.length) console.log(`run ${o.run}: no overrides`);
    for (const row of rows) console.log(describeOverride(row));
  });
override
  .command('revoke')
  .description('withdraw an override (it stays in the history)')
  .requiredOption('--db <file>', 'the SQLite store of the run')
  .requiredOption('--run <id>', 'run id')
  .requiredOption('--id <n>', 'override number from `override list`', positiveInt('--id'))
  .requiredOption('--by <name>', 'the reviewer')
  .action(async (o: { db: string; run: string; id: number; by: string }) => {
    const { revokeOverride } = await import('./override.js');
    revokeOverride(o.db, o.run, o.id, o.by);
    console.log(`override #${o.id} revoked`);
  });

const dismiss = program.command('dismiss').description('驳回问题（误报或接受的例外）：之后的评估中，问题所在页面内容不变即保持驳回，页面变化后重新计入');
dismiss
  .command('add')
  .description('驳回一个问题：--key 为问题标识（报告、results.json、XLSX 的“问题标识”）')
  .requiredOption('--db <file>', 'the SQLite store of the run')
  .requiredOption('--run <id>', 'run id')
  .requiredOption('--key <key>', '问题标识，如 jyj/D2/link://jyj.example.gov.cn/a.pdf')
  .requiredOption('--kind <false-positive|exception>', 'false-positive（误报）或 exception（接受的例外）')
  .requiredOption('--reason <text>', '驳回理由（显示在报告中）')
  .requiredOption('--by <name>', '驳回人')
  .action(async (o: { db: string; run: string; key: string; kind: string; reason: string; by: string }) => {
    const { addDismissal, describeDismissal } = await import('./dismiss.js');
    const done = addDismissal({ db: o.db, runId: o.run, key: o.key, kind: o.kind, reason: o.reason, by: o.by });
    console.log(`已驳回 ${describeDismissal(done.dismissal)}`);
    console.log(`得分：${done.before ?? '—'} → ${done.after ?? '—'}（已重新计分；报告请用 govscore report 重新生成）`);
  });
dismiss
  .command('list')
  .description('全部驳回记录（含已撤销的）')
  .requiredOption('--db <file>', 'the SQLite store')
  .option('--site <id>', '只列出该网站的')
  .action(async (o: { db: string; site?: string }) => {
    const { describeDismissal, listDismissals } = await import('./dismiss.js');
    const rows = listDismissals(o.db, o.site);
    if (!rows.length) console.log('没有驳回记录');
    for (const row of rows) console.log(describeDismissal(row));
  });
dismiss
  .command('undo')
  .description('撤销一条驳回（记录保留）：问题重新计入')
  .requiredOption('--db <file>', 'the SQLite store')
  .requiredOption('--id <n>', '驳回记录编号（见 dismiss list）', positiveInt('--id'))
  .requiredOption('--by <name>', '撤销人')
  .action(async (o: { db: string; id: number; by: string }) => {
    const { describeDismissal, undoDismissalCommand } = await import('./dismiss.js');
    console.log(`已撤销 ${describeDismissal(undoDismissalCommand(o.db, o.id, o.by))}`);
  });

program
  .command('retention')
  .description('按保留期限清除旧的采集数据和证据文件（已发布的评估永久保留），并报告清除了什么')
  .requiredOption('--db <file>', 'the SQLite store')
  .option('--observations-years <n>', '采集数据保留年数（默认 3）', positiveInt('--observations-years'))
  .option('--evidence-months <n>', '证据文件（截图、页面文本）保留月数（默认 12）', positiveInt('--evidence-months'))
  .option('--dry-run', '只报告将清除的内容，不删除')
  .action(async (o: { db: string; observationsYears?: number; evidenceMonths?: number; dryRun?: boolean }) => {
    const { describeRetention, retentionCommand } = await import('./retention.js');
    const policy = {
      ...(o.observationsYears ? { observationsYears: o.observationsYears } : {}),
      ...(o.evidenceMonths ? { evidenceMonths: o.evidenceMonths } : {}),
    };
    for (const line of describeRetention(retentionCommand(o.db, policy, o.dryRun ?? false))) console.log(line);
  });

program
  .command('publish')
  .description('publish a run’s ranking to the public pages; refused while a site holds a suspected veto (疑似否决) awaiting review (exit code 3)')
  .requiredOption('--db <file>', 'the SQLite store of the run')
  .requiredOption('--run <id>', 'run id')
  .requiredOption('--by <login>', 'the evaluator or admin account publishing it')
  .option('--correction <note>', 'publish the scores changed since publication as a correction (更正), saying why; the public pages list every version')
  .action(async (o: { db: string; run: string; by: string; correction?: string }) => {
    const { publish, PublishRefused, refusalHelp } = await import('./publish.js');
    try {
      console.log(publish({ db: o.db, runId: o.run, by: o.by, ...(o.correction ? { correction: o.correction } : {}) }));
    } catch (error) {
      if (!(error instanceof PublishRefused)) throw error;
      console.error(refusalHelp(error, o.db, o.run));
      process.exit(3);
    }
  });

const indicators = program.command('indicators').description('indicator sets: the presets shipped, and checking a set file');
indicators
  .command('list')
  .description('the preset indicator sets')
  .action(async () => {
    const { listPresets, loadIndicatorSet } = await import('../../indicators/load.js');
    for (const id of listPresets()) {
      const set = loadIndicatorSet(id);
      console.log(`${id.padEnd(22)} v${set.version.padEnd(8)} ${set.indicators.length} indicators  ${set.title.zh}`);
    }
  });
indicators
  .command('validate')
  .description('check an indicator-set file; errors name the line and the field')
  .argument('<file>', 'indicator-set YAML file')
  .action(async (file: string) => {
    const { loadIndicatorSet } = await import('../../indicators/load.js');
    const set = loadIndicatorSet(file);
    console.log(`${file}: valid — ${set.id} v${set.version}, ${set.categories.length} categories, ${set.indicators.length} indicators, sha256 ${set.sha256}`);
  });

program
  .command('serve')
  .description('the web service: public rankings, department breakdowns and appeals, staff review (OpenAPI at /docs)')
  .requiredOption('--db <file>', 'the SQLite store')
  .option('--port <n>', 'port', positiveInt('--port'), 8080)
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--queue <redis-url>', 'campaigns are crawled by `govscore worker` processes through this Redis, and scheduled campaigns start here')
  .action(async (o: { db: string; port: number; host: string; queue?: string }) => {
    const { serve } = await import('./serve.js');
    await serve(o);
  });

/** The flags of `govscore schedule add`, as commander parses them. */
interface ScheduleAddFlags {
  redis: string;
  db: string;
  name: string;
  sites: string;
  by: string;
  cron?: string;
  everyMs?: number;
  times?: number;
  tz?: string;
  sample?: number;
  seed?: string;
  indicators?: string;
  maxPages?: number;
  lighthousePages?: number;
}
const schedule = program
  .command('schedule')
  .description('recurring campaigns (e.g. a quarterly spot check of a random sample), kept in BullMQ and started by `serve --queue`');
schedule
  .command('add')
  .description('add or replace a recurring campaign')
  .requiredOption('--redis <url>', 'the Redis of the queue')
  .requiredOption('--db <file>', 'the store the web service serves (the account --by is looked up there)')
  .requiredOption('--name <id>', 'name of the schedule, e.g. quarterly-spot-check')
  .requiredOption('--sites <file>', 'sites file (read again at each occurrence)')
  .requiredOption('--by <login>', 'the evaluator or admin account the campaigns are recorded under')
  .option('--cron <pattern>', 'when: a cron pattern, e.g. "0 2 1 1,4,7,10 *" for 02:00 on the first day of each quarter')
  .option('--every-ms <n>', 'when: every n ms (drills, tests)', positiveInt('--every-ms'))
  .option('--times <n>', 'stop after n occurrences', positiveInt('--times'))
  .option('--tz <zone>', 'time zone of --cron', 'Asia/Shanghai')
  .option('--sample <n>', 'each occurrence assesses a random sample of n sites', positiveInt('--sample'))
  .option('--seed <text>', 'seed of the samples (default: the name); each occurrence adds the time it was due')
  .option('--indicators <id|file>', 'indicator set (default: the sites file)')
  .option('--max-pages <n>', 'pages opened per site at most', positiveInt('--max-pages'))
  .option('--lighthouse-pages <n>', 'Lighthouse runs per site (default: as assess, 2)', wholeNumber('--lighthouse-pages'))
  .action(async (o: ScheduleAddFlags) => {
    const { addSchedule } = await import('./schedule.js');
    console.log(await addSchedule({ ...o, sitesFile: o.sites, tz: o.cron ? o.tz : undefined }));
  });
schedule
  .command('retention')
  .description('按计划执行保留期限清理（由 serve --queue 对其服务的数据库执行；同一 BullMQ 计划队列）')
  .requiredOption('--redis <url>', 'the Redis of the queue')
  .requiredOption('--cron <pattern>', '何时执行，如 "0 3 * * 0"（每周日 03:00）')
  .option('--tz <zone>', 'time zone of --cron', 'Asia/Shanghai')
  .option('--observations-years <n>', '采集数据保留年数（默认 3）', positiveInt('--observations-years'))
  .option('--evidence-months <n>', '证据文件保留月数（默认 12）', positiveInt('--evidence-months'))
  .action(async (o: { redis: string; cron: string; tz: string; observationsYears?: number; evidenceMonths?: number }) => {
    const { addRetentionSchedule } = await import('./schedule.js');
    const policy = {
      ...(o.observationsYears ? { observationsYears: o.observationsYears } : {}),
      ...(o.evidenceMonths ? { evidenceMonths: o.evidenceMonths } : {}),
    };
    console.log(await addRetentionSchedule({ redis: o.redis, cron: o.cron, tz: o.tz, policy }));
  });
schedule
  .command('list')
  .description('the recurring campaigns and when each is next due')
  .requiredOption('--redis <url>', 'the Redis of the queue')
  .action(async (o: { redis: string }) => {
    const { listSchedules } = await import('./schedule.js');
    for (const line of await listSchedules(o.redis)) console.log(line);
  });
schedule
  .command('remove')
  .description('stop a recurring campaign (campaigns it started are kept)')
  .requiredOption('--redis <url>', 'the Redis of the queue')
  .requiredOption('--name <id>', 'name of the schedule')
  .action(async (o: { redis: string; name: string }) => {
    const { removeSchedule } = await import('./schedule.js');
    console.log(await removeSchedule(o.redis, o.name));
  });

const users = program.command('users').description('accounts of the web service');
users
  .command('add')
  .description('add an account (password from GOVSCORE_PASSWORD or stdin)')
  .requiredOption('--db <file>', 'the SQLite store')
  .requiredOption('--login <login>', 'login name')
  .requiredOption('--name <name>', 'display name, e.g. 市教育局网站管理员')
  .requiredOption('--role <role>', 'admin, evaluator or department')
  .option(
    '--sites <ids>',
    'the sites a department account sees, comma-separated',
    (v: string) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    [],
  )
  .action(async (o: { db: string; login: string; name: string; role: string; sites: string[] }) => {
    const { addUser } = await import('./users.js');
    await addUser(o);
  });
users
  .command('list')
  .description('every account: login, role, name, sites, active or disabled, created')
  .requiredOption('--db <file>', 'the SQLite store')
  .action(async (o: { db: string }) => (await import('./users.js')).listUsers(o));
for (const [change, description] of [
  ['passwd', 'set a new password (from GOVSCORE_PASSWORD or stdin); the sessions of the account end'],
  ['disable', 'stop an account from logging in (its sessions end; its records stay)'],
  ['enable', 'let a disabled account log in again'],
] as const)
  users
    .command(change)
    .description(description)
    .argument('<login>', 'login of the account')
    .requiredOption('--db <file>', 'the SQLite store')
    .action(async (login: string, o: { db: string }) => (await import('./users.js')).changeUser({ db: o.db, login, change }));

program
  .command('a11y')
  .description('audit given pages for accessibility (axe-core, every rule) without a crawl: what a web team runs after a fix')
  .argument('[urls...]', 'pages to audit (http or https)')
  .option('--urls <file>', 'a file of pages to audit, one per line (# comments)')
  .option('--json', 'print an array of { url, findings: [{ rule, wcag, impact, selector, html, help }] }')
  .option('--concurrency <n>', 'pages audited at once', positiveInt('--concurrency'), 2)
  .action(async (urls: string[], o: { urls?: string; json?: boolean; concurrency: number }) => {
    const { a11y } = await import('./a11y.js');
    process.exitCode = await a11y({ urls, urlsFile: o.urls, json: o.json ?? false, concurrency: o.concurrency });
  });

program
  .command('demo')
  .description('serve the bundled sample portals on loopback, assess them and print where the report is')
  .option('--out <dir>', 'output folder', 'out/demo')
  .option('--as-of <date>', 'evaluation date (default: today)', isoDate)
  .action(async (o: { out: string; asOf?: string }) => {
    const { demo } = await import('./demo.js');
    await demo({ out: o.out, asOf: o.asOf });
  });

// A browser-connection error about a closed tab that a library lets escape must not end a run (it ended a demo
// after 12 minutes): only the measurement of that page is lost.
(await import('../../evaluators/collect/protocol-errors.js')).guardAgainstStrayProtocolErrors();

try {
  await program.parseAsync();
} catch (error) {
  // Bad input: one line naming the file, line and field; exit 2. Anything else is a bug: exit 1.
  if (error instanceof ConfigError || error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
