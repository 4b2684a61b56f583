import type { PortalProfile } from '../assemble.js';
import { fgw } from './fgw.js';
import { jyj } from './jyj.js';
import { qxx } from './qxx.js';
import { rsj } from './rsj.js';
import { wjw } from './wjw.js';
import { zfw } from './zfw.js';

/** The hand-designed sample portals: each covers a different family of real sites (see each file). */
export const sampleProfiles: PortalProfile[] = [zfw, jyj, fgw, rsj, qxx, wjw];
