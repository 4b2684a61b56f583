import { html } from '../../../../reports/html.js';
import type { Campaign } from '../../../store/campaigns.js';

/** A campaign's state as the staff pages show it: a word and the tag's colour class. */
export const campaignStates: Record<Campaign['state'], { label: string; tag: string }> = {
  draft: { label: '未开始', tag: 'pending' },
  running: { label: '评估中', tag: 'running' },
  finished: { label: '已完成', tag: 'finished' },
  failed: { label: '未完成', tag: 'failed' },
};

export const tag = (t: { label: string; tag: string }) => html`<span class="tag ${t.tag}">${t.label}</span>`;
