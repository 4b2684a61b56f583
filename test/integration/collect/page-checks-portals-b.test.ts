import { portalPageChecks } from './page-checks-portals.js';

// Skin 1 (navigation in an iframe), and a crawl in the sample mode.
portalPageChecks(['1'], { crawl: true });
