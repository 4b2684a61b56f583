import { html } from '../../../reports/html.js';
import type { Appeal } from '../../store/reviews.js';

const appealStatus: Record<Appeal['status'], string> = { open: '待处理', accepted: '已采纳', rejected: '已驳回' };

/** An ISO time as the pages show it: 2026-11-21 09:30. */
export const shortTime = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/** An appeal's state as a coloured tag, for the department's and the staff's appeal lists. */
export const appealStatusTag = (a: Appeal) => html`<span class="tag ${a.status}">${appealStatus[a.status]}</span>`;
