#!/usr/bin/env node
// The govscore command. The sources are TypeScript, run through tsx so there is no build step to forget.
import { tsImport } from 'tsx/esm/api';

await tsImport('../server/cli/main.ts', import.meta.url);
