// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'dist/**', 'console/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.name='process'][property.name='env']",
        message: 'Read configuration through src/config/config.ts only.',
      }, {
        selector: "CallExpression[callee.property.name='limit']:not([arguments.0.callee.name='literalLimit'])",
        message: 'Write a LIMIT with literalLimit(n) (src/db/literal-limit.ts): a bound LIMIT makes SQLite recompile the statement on every run.',
      }],
    },
  },
  {
    // The room's browser script (src/room/assets): a classic script in the candidate's browser.
    files: ['src/room/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly', fetch: 'readonly', crypto: 'readonly', EventSource: 'readonly', SpeechSynthesisUtterance: 'readonly' },
    },
  },
  {
    // The console (console/): a Preact app bundled by Vite for the browser.
    files: ['console/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', navigator: 'readonly', fetch: 'readonly', confirm: 'readonly', atob: 'readonly', Blob: 'readonly', MouseEvent: 'readonly', HTMLElement: 'readonly', Response: 'readonly', queueMicrotask: 'readonly' },
    },
  },
  {
    files: ['src/config/**', 'test/**', 'bench/**', 'vitest.config.ts', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
