// Puppeteer's own browser download cannot work on our machines (no internet but the registries);
// we use Debian's Chromium instead, resolved by evaluators/collect/browser-path.ts.
module.exports = { skipDownload: true };
