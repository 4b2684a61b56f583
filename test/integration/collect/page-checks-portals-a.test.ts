import { portalPageChecks } from './page-checks-portals.js';

// The classic skin and skin 7 (navigation by javascript:/onclick/span links).
portalPageChecks(['classic', '7'], { crawl: false });
