#!/usr/bin/env node
// The govscore command. It runs the compiled modules in dist/ (npm run build, run by npm install) when they
// are newer than every source file; otherwise the TypeScript sources through tsx, so a change is never
// run stale. Compiled, a command starts about four times faster (no compilation, no loader hooks).
import { buildIsCurrent } from './source-dirs.js';

const root = new URL('..', import.meta.url).pathname;

if (buildIsCurrent(root)) {
  await import('../dist/server/cli/main.js');
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('../server/cli/main.ts', import.meta.url);
}
