'use strict';
/**
 * ESLint 9 flat config.
 * - LWC TypeScript: Salesforce's recommended LWC + lightning rules, parsed by typescript-eslint
 *   (the LWC config's own Babel-based TS preset gives false positives on type syntax).
 * - Tooling TypeScript (scripts/, tests/): typescript-eslint recommended.
 */
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const LWC_TS = ['force-app/**/lwc/**/*.ts'];
const TOOLING_TS = ['scripts/**/*.ts', 'tests/**/*.ts', 'emulator/**/*.ts'];
const TESTS = ['**/__tests__/**/*.ts', '**/*.test.ts'];

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '.preview-build/**',
      '.sf/**',
      '.sfdx/**',
      'force-app/**/lwc/**/*.js',
      'types/**/*.d.ts'
    ]
  },
  ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: LWC_TS })),
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: [...LWC_TS, ...TOOLING_TS] })),
  {
    files: [...LWC_TS, ...TOOLING_TS],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { sourceType: 'module' }
    },
    settings: {
      // Salesforce platform modules are resolved by the platform, jest stubs and the preview build.
      'import/core-modules': ['lwc'],
      'import/ignore': ['^c/', '^lightning/', '^@salesforce/']
    },
    rules: {
      'import/no-unresolved': 'off',
      'import/named': 'off',
      'import/namespace': 'off',
      'import/default': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: TOOLING_TS,
    languageOptions: { globals: { ...globals.node } }
  },
  {
    // runLater/cancelLater: the components' one timer (polling a deployment or an Apex job until it finishes), kept
    // here so that no component disables the rule inline (@lwc/lwc-platform/no-inline-disable).
    files: ['force-app/**/lwc/alowareUiUtils/alowareUiUtils.ts'],
    rules: { '@lwc/lwc/no-async-operation': 'off' }
  },
  {
    files: TESTS,
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: {
      '@lwc/lwc/no-async-operation': 'off',
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  {
    files: ['*.js', 'config/**/*.js', 'scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  }
];
