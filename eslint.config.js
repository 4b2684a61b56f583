// npm run lint (also part of npm test): typescript-eslint's recommended rules (the syntax-only set, no type
// information, so a run stays a few seconds), sorted imports, no unused code, no line over 250 characters and
// no console.log in the library phases. Formatting is Prettier's (npm run format).
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'out/', 'coverage/', '.tmp-debug/', '.portals/', 'node_modules/'], 'generated files'),
  tseslint.configs.recommended,
  // Off: every rule that would disagree with Prettier. Before the rules below, which would otherwise lose
  // max-len (it is one of the rules this config turns off, to be turned on again where wanted).
  prettier,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // One order for imports (packages, then ours by path) so a file's dependencies read at a glance and
      // diffs do not reorder them; `npm run lint -- --fix` sorts. Cycles are dependency-cruiser's (npm run deps).
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      // Unused code is deleted, not kept. Allowed: arguments before the last used one (a callback's
      // signature), fields destructured only to leave them out of a rest, and `_name` for what is unused
      // on purpose (the catch bindings of the in-page scripts, whose ES5 has no catch without one).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Prettier (printWidth 160) shortens code lines; this catches what it cannot break. Strings, template
      // literals, regular expressions and URLs are left whole so that they stay searchable.
      'max-len': ['error', { code: 250, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // The library phases report through their results and callers, never to the terminal; the command
    // line (server/cli), scripts, tests and the sample portals may print.
    files: ['evaluators/**', 'indicators/**', 'reports/**'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
);
