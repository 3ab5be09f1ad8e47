// typescript-eslint on src and test. The core must stay pure: no `vscode`, no Node built-ins,
// so it runs in the CLI, in the extension host and in a browser alike.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'dist-vsix/**', 'esbuild.js', 'test/harness/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
      'no-new-func': 'error',
    },
  },
  {
    // Scripts run by Node directly (UI test driver, harness helpers).
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is editor-independent: convert in src/vscode instead.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs in the browser too: do I/O in src/cli or src/vscode.' }))],
      }],
    },
  },
);
