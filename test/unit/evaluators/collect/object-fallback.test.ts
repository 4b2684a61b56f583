import { describe, expect, it } from 'vitest';

import { embedsPictureOrMedia } from '../../../../evaluators/collect/object-fallback.js';

describe('embedsPictureOrMedia: the objects ACT 8fc3b6 judges (an image, audio or video)', () => {
  it('reads the type attribute when there is one, whatever the data is called', () => {
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/tu/baogao', type: 'image/png' })).toBe(true);
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/sp/1', type: 'Video/MP4' })).toBe(true);
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/tu/baogao.png', type: 'application/pdf' })).toBe(false);
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/banner.swf', type: 'application/x-shockwave-flash' })).toBe(false);
  });

  it('else the extension of the path, not of the query or fragment', () => {
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/tu/baogao.JPG', type: '' })).toBe(true);
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/yp/jiedu.mp3?v=2', type: '' })).toBe(true);
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/zhuanti/index.html', type: '' })).toBe(false);
    expect(embedsPictureOrMedia({ url: 'https://www.jiangling.gov.cn/show.php?file=baogao.png', type: '' })).toBe(false);
    expect(embedsPictureOrMedia({ url: 'not a url', type: '' })).toBe(false);
  });
});
