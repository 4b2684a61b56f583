/**
 * The filing numbers a government footer shows, as real footers write them: 京ICP备05070218号-1, 冀ICP备:10000000号,
 * 京公网安备 11010502030143号, 冀公网备案号13040202000123. One definition for the crawl's in-page reading
 * (collect/page-integrity.ts passes them in) and for the homepage footer (identity.ts).
 */
/** A province's short name, ICP备, an optional colon, the number, 号 (sometimes left out) and the site's suffix -N. */
export const icpNumber = /[\u4e00-\u9fa5]ICP备\s*[:：]?\s*\d{4,}(?:\s*号)?(?:\s*-\s*\d+)?/;
/** A province's short name, 公网安备 (or the looser 公网备案号), an optional colon, the 12–16 digits and 号. */
export const policeNumber = /[\u4e00-\u9fa5]公网(?:安备|备案)号?\s*[:：]?\s*\d{12,16}(?:\s*号)?/;
