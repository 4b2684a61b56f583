/**
 * The words government offices use in reporting tables (政务信息报送统计表). Offices each make their own
 * table, so a column is recognised by any of its synonyms; add an office's wording here, not in code.
 */

export type CountField = 'submitted' | 'adoptedNational' | 'adoptedProvincial' | 'adoptedCity' | 'instructions' | 'quota';
export type TextField = 'unit' | 'code' | 'group' | 'period';
export type ReportingField = TextField | CountField;

interface FieldSpec {
  /** Header texts after `normaliseLabel`, first one the name used in messages. */
  names: readonly string[];
  /** Required columns; `period` is required only when the caller gives no period. */
  required: boolean;
}

export const FIELDS: Readonly<Record<ReportingField, FieldSpec>> = {
  unit: { names: ['单位', '单位名称', '部门', '部门名称', '报送单位'], required: true },
  code: { names: ['单位代码', '单位编码', '编码', '代码', '站点标识'], required: false },
  group: { names: ['分组', '类别', '单位类别', '组别'], required: false },
  period: { names: ['期间', '统计期间', '月份', '季度', '时间', '统计时段'], required: true },
  submitted: { names: ['报送', '报送量', '报送数', '报送条数', '报送信息数'], required: true },
  adoptedNational: { names: ['国办采用', '国务院办公厅采用', '被国办采用'], required: false },
  adoptedProvincial: { names: ['省采用', '省级采用', '省政府办公厅采用', '省办采用'], required: false },
  adoptedCity: { names: ['市采用', '市级采用', '市政府办公室采用'], required: false },
  instructions: { names: ['批示', '领导批示', '获批示'], required: false },
  quota: { names: ['定额', '任务数', '报送任务', '目标数'], required: false },
};

export const COUNT_FIELDS: readonly CountField[] = ['submitted', 'adoptedNational', 'adoptedProvincial', 'adoptedCity', 'instructions', 'quota'];

/** First-cell labels of the sum rows under a table (合计, 总计, 小计 after a block); never data. */
const TOTAL_LABELS = ['合计', '总计', '小计', '总数'];

/** Starts of the signature and note lines written under a table (填表人：张三 联系电话：…). */
const NOTE_PREFIXES = ['备注', '注:', '说明:', '填表人', '填报人', '制表人', '审核人', '联系人', '联系电话', '填报日期', '制表日期', '单位负责人'];

const BY_NAME: ReadonlyMap<string, ReportingField> = new Map(
  (Object.entries(FIELDS) as [ReportingField, FieldSpec][]).flatMap(([field, spec]) => spec.names.map((name) => [name, field] as const)),
);

/**
 * Header or label text reduced to what identifies it: NFKC folds full-width brackets, colons and digits
 * to ASCII; whitespace (tables break long headers over lines) and bracketed units `（条）`, `【次】` go.
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/:+$/, '');
}

/** The field a header cell names, or null for columns we do not read (序号, 备注, 采用合计 …). */
export function fieldOfHeader(text: string): ReportingField | null {
  return BY_NAME.get(normaliseLabel(text)) ?? null;
}

/** `报送, 报送量, …` — the accepted headers of a field, for messages. */
export function acceptedHeaders(field: ReportingField): string {
  return FIELDS[field].names.join(', ');
}

/** 合计 or a short qualified form of it (全市合计, 市直部门小计); a unit's name never ends so. */
export function isTotalLabel(text: string): boolean {
  const label = normaliseLabel(text);
  return TOTAL_LABELS.some((total) => label === total || (label.endsWith(total) && label.length <= total.length + 4));
}

export function isNoteLine(text: string): boolean {
  const label = text.normalize('NFKC').replace(/\s+/g, '');
  return NOTE_PREFIXES.some((prefix) => label.startsWith(prefix));
}
