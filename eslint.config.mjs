// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The test suites (folders of test/): each imports only from its own folder, test/support and the code under test.
const testSuites = ['unit', 'integration', 'e2e', 'vscode'];
/** An import that climbs into one of these suites' folders. */
const suiteImports = (suites, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${suites.join('|')})(/|$)`, message }] }],
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-vsix/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // Modules that run under plain `node --test` and in the language server must not import vscode: everything
    // but the edges (extension.ts, ui/, client/, tree/ outside tree/model/).
    files: [
      'src/*.ts',
      'src/aws/**/*.ts',
      'src/services/**/*.ts',
      'src/validation/**/*.ts',
      'src/plans/**/*.ts',
      'src/server/**/*.ts',
      'src/tree/model/**/*.ts',
      'src/snapshots/**/*.ts',
      'emulator/**/*.ts',
    ],
    ignores: ['src/extension.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'This module must run without VS Code.' }] },
      ],
    },
  },
  ...testSuites.map((suite) => ({
    files: [`test/${suite}/**/*.ts`],
    rules: suiteImports(
      testSuites.filter((other) => other !== suite),
      "Tests import only from their own suite's folder, test/support and the code under test; move what suites share to test/support.",
    ),
  })),
  {
    files: ['test/support/**/*.ts'],
    rules: suiteImports(testSuites, 'test/support serves every suite, so it imports from none of them.'),
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
