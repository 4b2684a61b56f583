import { fetchPage } from './fetch-page.js';
import { readDate } from './read-dates.js';

/** An article's publication date: the 发布时间/发布日期/更新时间 line, else <meta name="PubDate">. */
export async function readArticleDate(url: string, asOf: string, cookie?: string): Promise<string | null> {
  const { $ } = await fetchPage(url, { cookie });
  const line = $('.info').text();
  const labelled = /(?:发布时间|发布日期|更新时间)[：:]\s*([^\s来]+)/.exec(line);
  if (labelled) return readDate(labelled[1]!, asOf);
  const meta = $('meta[name="PubDate"]').attr('content');
  return meta ? readDate(meta, asOf) : null;
}
