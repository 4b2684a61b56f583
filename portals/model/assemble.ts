import { buildColumn, type ColumnPlan } from './columns.js';
import { daysBefore, type IsoDate } from './dates.js';
import { buildDisclosure, type DisclosurePlan } from './disclosure.js';
import { linkInterpretations, websiteReports } from './documents.js';
import { buildMailbox, type MailboxPlan } from './mailbox.js';
import { Random } from './random.js';
import { buildServices, type ServicesPlan } from './services.js';
import type { Column, ListStyle, Portal } from './types.js';

/** Everything a portal profile decides; `assemblePortal` turns it into concrete pages' data. */
export interface PortalProfile extends Omit<Portal, 'columns' | 'disclosure' | 'mailbox' | 'services' | 'asOf' | 'seed'> {
  city: string;
  columns: Array<ColumnPlan & { style?: ListStyle }>;
  disclosure: DisclosurePlan | null;
  mailbox: MailboxPlan | null;
  services: ServicesPlan | null;
}

export function assemblePortal(profile: PortalProfile, seed: string, asOf: IsoDate): Portal {
  const root = new Random(`${seed}:${profile.id}`);
  let itemId = 1000 + root.int(0, 8000);
  const nextItemId = () => (itemId += root.int(1, 9));
  const columns: Column[] = profile.columns.map((plan, index) => {
    const column = buildColumn(plan, {
      r: root.fork(`column:${plan.id}`),
      asOf,
      city: profile.city,
      style: plan.style ?? profile.cms,
      numericId: 1000 + index * 7 + root.int(0, 6),
      nextItemId,
    });
    if (column.style === 'catalogue') addCatalogueFields(column, root.fork(`catalogue:${plan.id}`), profile.city);
    return column;
  });
  // Planted text goes into the newest article of its column, as its second paragraph.
  for (const plant of profile.textPlants ?? []) columns.find((c) => c.id === plant.columnId)?.items[0]?.paragraphs.splice(1, 0, plant.paragraph);
  if (profile.documentPlants?.interpretations) linkInterpretations(columns, profile.documentPlants.interpretations);
  const { city: _city, columns: _plans, disclosure, mailbox, services, ...rest } = profile;
  const portal: Portal = {
    ...rest,
    seed,
    asOf,
    columns,
    disclosure: disclosure ? buildDisclosure(disclosure, root.fork('disclosure'), asOf) : null,
    mailbox: mailbox ? buildMailbox(mailbox, root.fork('mailbox'), asOf) : null,
    services: services ? buildServices(services, root.fork('services')) : null,
  };
  // Drawn last: a portal without these plants draws everything else as before.
  if (profile.documentPlants?.websiteReport)
    portal.websiteReports = websiteReports(profile.documentPlants.websiteReport, profile.name, asOf, root.fork('website-reports'));
  return portal;
}

/** 信息公开目录 rows: 索引号, 文号, 成文日期 (written before publication), 有效性. */
function addCatalogueFields(column: Column, r: Random, city: string): void {
  const prefix = `11${r.int(3100, 3799)}00MB${r.int(1000000, 1999999)}X`;
  for (const item of column.items) {
    if (!item.date) continue;
    const year = item.date.slice(0, 4);
    item.indexNumber = `${prefix}/${year}-${String(item.id % 100000).padStart(5, '0')}`;
    item.docNumber = `${city.slice(0, 1)}发改〔${year}〕${r.int(1, 180)}号`;
    item.writtenOn = daysBefore(item.date, r.int(25, 45));
    item.decoy = { kind: 'written-date', text: item.writtenOn };
    item.validity = r.pick(['有效', '有效', '有效', '失效', '已修改'] as const);
  }
}
