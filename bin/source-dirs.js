// The folders whose files make up the shipped command: compiled and copied to dist/ by scripts/build.mjs,
// and compared with dist/.built by bin/govscore.js to tell whether the build is current.
export const sourceDirs = ['server', 'evaluators', 'indicators', 'reports', 'test/portals'];
