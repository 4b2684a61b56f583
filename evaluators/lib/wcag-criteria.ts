/**
 * The WCAG 2.1 success criteria of levels A and AA (GB/T 37668-2019 follows WCAG 2.0/2.1), with their
 * names in Chinese, so findings can be grouped and named the way an audit report names them.
 */
export const wcagCriteria: Readonly<Record<string, { zh: string; level: 'A' | 'AA' }>> = {
  '1.1.1': { zh: '非文本内容', level: 'A' },
  '1.2.1': { zh: '仅音频和仅视频（预录制）', level: 'A' },
  '1.2.2': { zh: '字幕（预录制）', level: 'A' },
  '1.2.3': { zh: '音频描述或媒体替代（预录制）', level: 'A' },
  '1.2.4': { zh: '字幕（直播）', level: 'AA' },
  '1.2.5': { zh: '音频描述（预录制）', level: 'AA' },
  '1.3.1': { zh: '信息和关系', level: 'A' },
  '1.3.2': { zh: '有意义的序列', level: 'A' },
  '1.3.3': { zh: '感官特征', level: 'A' },
  '1.3.4': { zh: '方向', level: 'AA' },
  '1.3.5': { zh: '识别输入目的', level: 'AA' },
  '1.4.1': { zh: '颜色的使用', level: 'A' },
  '1.4.2': { zh: '音频控制', level: 'A' },
  '1.4.3': { zh: '对比度（最低）', level: 'AA' },
  '1.4.4': { zh: '调整文本大小', level: 'AA' },
  '1.4.5': { zh: '文本图像', level: 'AA' },
  '1.4.10': { zh: '重排', level: 'AA' },
  '1.4.11': { zh: '非文本对比度', level: 'AA' },
  '1.4.12': { zh: '文本间距', level: 'AA' },
  '1.4.13': { zh: '悬停或获得焦点时的内容', level: 'AA' },
  '2.1.1': { zh: '键盘', level: 'A' },
  '2.1.2': { zh: '无键盘陷阱', level: 'A' },
  '2.1.4': { zh: '字符键快捷键', level: 'A' },
  '2.2.1': { zh: '计时可调', level: 'A' },
  '2.2.2': { zh: '暂停、停止、隐藏', level: 'A' },
  '2.3.1': { zh: '三次闪烁或低于阈值', level: 'A' },
  '2.4.1': { zh: '绕过区块', level: 'A' },
  '2.4.2': { zh: '页面标题', level: 'A' },
  '2.4.3': { zh: '焦点顺序', level: 'A' },
  '2.4.4': { zh: '链接目的（上下文中）', level: 'A' },
  '2.4.5': { zh: '多种方式', level: 'AA' },
  '2.4.6': { zh: '标题和标签', level: 'AA' },
  '2.4.7': { zh: '焦点可见', level: 'AA' },
  '2.5.1': { zh: '指针手势', level: 'A' },
  '2.5.2': { zh: '指针取消', level: 'A' },
  '2.5.3': { zh: '名称中包含标签', level: 'A' },
  '2.5.4': { zh: '动作激活', level: 'A' },
  '3.1.1': { zh: '页面的语言', level: 'A' },
  '3.1.2': { zh: '部分的语言', level: 'AA' },
  '3.2.1': { zh: '获得焦点时', level: 'A' },
  '3.2.2': { zh: '输入时', level: 'A' },
  '3.2.3': { zh: '一致的导航', level: 'AA' },
  '3.2.4': { zh: '一致的识别', level: 'AA' },
  '3.3.1': { zh: '错误识别', level: 'A' },
  '3.3.2': { zh: '标签或说明', level: 'A' },
  '3.3.3': { zh: '错误建议', level: 'AA' },
  '3.3.4': { zh: '错误预防（法律、财务、数据）', level: 'AA' },
  '4.1.1': { zh: '解析', level: 'A' },
  '4.1.2': { zh: '名称、角色和值', level: 'A' },
  '4.1.3': { zh: '状态消息', level: 'AA' },
};

/** "1.1.1 非文本内容", or the number alone for a criterion outside A/AA (AAA, WCAG 2.2). */
export function criterionLabel(sc: string): string {
  const c = wcagCriteria[sc];
  return c ? `${sc} ${c.zh}` : sc;
}
