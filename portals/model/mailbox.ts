import { daysBefore, daysBetween, type IsoDate, lastHolidayStart } from './dates.js';
import type { Random } from './random.js';
import type { Letter, Mailbox } from './types.js';
import { departments, topic } from './vocabulary.js';

export interface MailboxPlan extends Omit<Mailbox, 'letters'> {
  /** Letters spread over the last `spanDays` days, newest first. */
  count: number;
  spanDays: number;
  /** Calendar days from receipt to reply for ordinary letters. */
  replyDays: [number, number];
  /** Letters received 95–300 days ago still without a reply (the V6 veto). */
  unansweredOver90: number;
  /** Letters answered, but more than 90 days after receipt. */
  repliedAfter90: number;
  /** Recent letters still being handled (not late). */
  pending: number;
  /** Letters received on the eve of 元旦 / 劳动节 / 国庆 and answered after the holiday. */
  aroundHolidays: boolean;
}

const questions = ['咨询', '反映', '建议', '投诉', '求助'];

function letter(r: Random, plan: MailboxPlan, seq: number, received: IsoDate, replied: IsoDate | null): Letter {
  const subject = topic(r);
  const id = `${received.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
  const base = plan.listPath.replace(/[^/]*$/, '');
  return {
    id,
    title: `${r.pick(questions)}${subject}相关问题`,
    received,
    replied,
    status: replied ? r.pick(['已回复', '已办结'] as const) : r.pick(['办理中', '待回复'] as const),
    department: r.pick(departments),
    question: `您好，我想${r.pick(questions)}一下${subject}方面的问题，具体情况如下，希望有关部门尽快答复。`,
    answer: replied ? `来信人您好：您反映的${subject}问题已收悉。经核实，现答复如下：相关工作正在按计划推进，感谢您的关注。` : null,
    path: `${base}detail_${id}.html`,
  };
}

export function buildMailbox(plan: MailboxPlan, r: Random, asOf: IsoDate): Mailbox {
  const letters: Letter[] = [];
  let seq = 1;
  for (let i = 0; i < plan.count; i++) {
    const age = r.int(3, plan.spanDays);
    const replyAfter = r.int(plan.replyDays[0], plan.replyDays[1]);
    const replied = replyAfter <= age ? daysBefore(asOf, age - replyAfter) : null;
    // A letter not yet answered but younger than its reply time is simply pending, never overdue.
    letters.push(letter(r, plan, seq++, daysBefore(asOf, age), replied ?? null));
  }
  for (let i = 0; i < plan.pending; i++) letters.push(letter(r, plan, seq++, daysBefore(asOf, r.int(0, 6)), null));
  for (let i = 0; i < plan.unansweredOver90; i++) {
    letters.push(letter(r, plan, seq++, daysBefore(asOf, r.int(95, 300)), null));
  }
  for (let i = 0; i < plan.repliedAfter90; i++) {
    const age = r.int(150, 300);
    letters.push(letter(r, plan, seq++, daysBefore(asOf, age), daysBefore(asOf, age - r.int(100, 140))));
  }
  if (plan.aroundHolidays) {
    const eves: Array<[string, '01-01' | '05-01' | '10-01', number]> = [
      ['元旦', '01-01', 4],
      ['劳动节', '05-01', 6],
      ['国庆节', '10-01', 9],
    ];
    for (const [name, monthDay, replyGap] of eves) {
      const eve = daysBefore(lastHolidayStart(asOf, monthDay), 1);
      const replied = daysBefore(eve, -replyGap);
      if (replied > asOf || daysBetween(eve, asOf) > 360) continue;
      const l = letter(r, plan, seq++, eve, replied);
      l.aroundHoliday = name;
      letters.push(l);
    }
  }
  letters.sort((a, b) => (a.received === b.received ? b.id.localeCompare(a.id) : b.received.localeCompare(a.received)));
  const { count: _c, spanDays: _s, replyDays: _r, unansweredOver90: _u, repliedAfter90: _a, pending: _p, aroundHolidays: _h, ...mailbox } = plan;
  return { ...mailbox, letters };
}
