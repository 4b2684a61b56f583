/**
 * What suspected vetoes rest on, in words for the reports: "not found" (a finder searched and found nothing:
 * `searched` set), or the text checks' flags (V8: suspected wording errors and leaks, `searched` null).
 */
export function suspicionBasis(suspected: ReadonlyArray<{ searched: unknown }>): string {
  const absences = suspected.some((v) => v.searched);
  const flags = suspected.some((v) => !v.searched);
  if (absences && flags) return '依据“未找到”或自动检测的疑似问题作出';
  return flags ? '依据自动检测的疑似问题（错敏信息、个人信息泄露）作出' : '依据“未找到”作出';
}
