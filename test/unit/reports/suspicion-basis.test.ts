import { describe, expect, it } from 'vitest';

import { suspicionBasis } from '../../../reports/suspicion-basis.js';

describe('suspicionBasis', () => {
  const absence = { searched: { where: ['首页'], for: ['办事服务'] } };
  const flags = { searched: null };
  it('says what the suspected vetoes rest on', () => {
    expect(suspicionBasis([absence])).toBe('依据“未找到”作出');
    expect(suspicionBasis([flags])).toBe('依据自动检测的疑似问题（错敏信息、个人信息泄露）作出');
    expect(suspicionBasis([absence, flags])).toBe('依据“未找到”或自动检测的疑似问题作出');
  });
});
