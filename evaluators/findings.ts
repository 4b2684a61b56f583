import type { AvailabilityMeasurement } from './availability.js';
import { failureLabel } from './collect/failures.js';
import type { ProbeObservation } from './collect/observations.js';
import { pageSubject, subject } from './lib/finding-subject.js';
import { describeUnread } from './lib/unread.js';
import type { LinksMeasurement } from './links.js';
import type { FindingsByGroup } from './registry/finding-groups.js';
import type { UpdateFrequencyMeasurement } from './update-frequency.js';

/** Screenshots of column pages by URL, from the observations. */
export type ScreenshotIndex = Map<string, string>;

export type { EvaluatorFinding } from './registry/finding-groups.js';

const kindNames = { news: '要闻/动态', notice: '通知公告', policy: '政策文件', personnel: '人事', planning: '规划计划', other: '其他' } as const;

/**
 * Findings of the evaluators, keyed by the names indicator sets cite in `findings:`. Each one carries
 * the page and the fact (a date, a placeholder text, a probe failure) a department can check.
 */
export function evaluatorFindings(
  update: UpdateFrequencyMeasurement | null,
  availability: AvailabilityMeasurement | null,
  probes: ProbeObservation[],
  screenshots: ScreenshotIndex = new Map(),
  links: LinksMeasurement | null = null,
): FindingsByGroup {
  const out: FindingsByGroup = {};
  if (update) {
    const stale = (keyColumn: boolean) =>
      update.columns
        .filter((c) => c.keyColumn === keyColumn && c.stale)
        .map((c) => ({
          subject: pageSubject('column', c.url),
          message: `栏目“${c.name}”（${kindNames[c.kind]}）超过${c.windowDays}天未更新`,
          url: c.url,
          evidence: c.latest ? `最新信息发布日期 ${c.latest}（共${c.itemCount}条，其中${c.datedItems}条注明日期）` : `${c.itemCount}条信息均未注明发布日期`,
          screenshot: screenshots.get(c.url) ?? null,
        }));
    out['updateFrequency.staleKeyColumns'] = stale(true);
    out['updateFrequency.staleOtherColumns'] = stale(false);
    out['updateFrequency.blank'] = update.columns
      .filter((c) => c.blank)
      .map((c) => ({
        subject: pageSubject('column', c.url),
        message: `栏目“${c.name}”为空白栏目`,
        url: c.url,
        evidence: c.placeholder ? `页面显示“${c.placeholder}”` : '栏目页无任何信息',
        screenshot: screenshots.get(c.url) ?? null,
      }));
    const h = update.homepage;
    const unread = describeUnread(update.unread);
    out['updateFrequency.homepage'] = [
      h.stale === null
        ? { subject: 'homepage-latest', message: '首页为导航页，二级页面最新信息未能测量', url: null, evidence: unread }
        : {
            // The homepage's newest item, whichever page shows it: the source page changes as items are published.
            subject: 'homepage-latest',
            message: h.isNavigation
              ? '首页为导航页，二级页面最新信息' + (h.latest ? `发布于 ${h.latest}` : '无发布日期')
              : `首页最新信息发布于 ${h.latest ?? '（无日期）'}`,
            // A navigation homepage is judged by the column page whose item is newest; otherwise by the homepage.
            url: h.isNavigation ? h.sourceUrl : null,
            evidence: h.ageDays === null ? '首页及二级页面均无注明日期的信息' : `距评估日 ${h.ageDays} 天`,
          },
    ];
    out['updateFrequency.newsVolume'] = [
      {
        subject: 'news-volume',
        message:
          update.newsItemsInWindow === null
            ? `近14天要闻/动态类栏目发布信息条数未能测量：${unread}`
            : `近14天要闻/动态类栏目发布信息 ${update.newsItemsInWindow} 条`,
        url: update.columns.find((c) => c.kind === 'news')?.url ?? null,
        evidence: newsVolumeEvidence(update),
      },
    ];
  }
  if (links) {
    const finding = (b: LinksMeasurement['broken'][number]) => ({
      subject: pageSubject('link', b.url),
      message: `链接不可用（${failureLabel(b.result)}${b.status ? `，HTTP ${b.status}` : ''}）`,
      url: b.url,
      evidence: `所在页面：${b.foundOn.slice(0, 3).join('、')}${b.foundOn.length > 3 ? ` 等${b.foundOn.length}处` : ''}`,
    });
    out['links.homepage'] = links.broken.filter((b) => b.onHomepage).map(finding);
    out['links.elsewhere'] = links.broken.filter((b) => !b.onHomepage).map(finding);
  }
  if (availability) {
    out['availability.failures'] = probes
      .filter((p) => !p.ok)
      // Each failed probe is the one problem of the homepage being down: they share a subject.
      .map((p) => ({
        subject: subject('homepage-availability'),
        message: `首页访问失败（${failureLabel(p.failure ?? 'error')}）`,
        url: p.url,
        evidence: `${p.at}，耗时 ${p.ms} ms`,
      }));
  }
  return out;
}

/** Items listed in D8's evidence at most; the rest are counted. */
const newsItemsListed = 30;

/** The columns searched and every item counted (date, title, address), so that a department can check the count. */
function newsVolumeEvidence(update: UpdateFrequencyMeasurement): string {
  const columns = update.columns.filter((c) => c.kind === 'news').map((c) => c.name);
  if (!columns.length) return '未发现要闻/动态类栏目';
  const counted = update.newsItemsCounted;
  const listed = counted.slice(0, newsItemsListed).map((i) => `${i.date}《${i.title}》${i.url}`);
  const more = counted.length > newsItemsListed ? `；另有 ${counted.length - newsItemsListed} 条未列出` : '';
  return `统计的栏目：${columns.join('、')}。${counted.length ? `计入的信息：${listed.join('；')}${more}` : '近14天内没有注明日期的信息'}`;
}
