'use strict';
/**
 * Two jest projects:
 * - `lwc`: every Lightning Web Component and LWC service module (TypeScript), through sfdx-lwc-jest
 *   (jsdom, LWC engine, lightning base component stubs) with the @sa11y/jest accessibility matcher;
 * - `tooling`: the TypeScript scripts (gates, catalog checks, preview stand-ins), in Node.
 * Coverage: lines >= 90% for everything under lwc/ (enforced: jest exits non-zero below it).
 */
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const lwcProject = {
  ...jestConfig,
  displayName: 'lwc',
  roots: ['<rootDir>/force-app'],
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/config/jest/setup-lwc.js'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.preview-build/']
};

const toolingProject = {
  displayName: 'tooling',
  rootDir: __dirname,
  roots: ['<rootDir>/scripts', '<rootDir>/tests', '<rootDir>/emulator'],
  testEnvironment: 'node',
  // LWC coverage is the lwc project's: tooling tests that import LWC modules (preview dev API) would instrument the
  // same files with another transform, and the merged report would no longer describe the component tests.
  coveragePathIgnorePatterns: ['/node_modules/', '<rootDir>/force-app/'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/tests/browser/'],
  transform: {
    '^.+\\.ts$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: ['@babel/preset-typescript'],
        plugins: ['@babel/plugin-transform-modules-commonjs']
      }
    ]
  },
  moduleFileExtensions: ['ts', 'js', 'json']
};

module.exports = {
  projects: [lwcProject, toolingProject],
  // A timeout is not an assertion: heavy component tests take seconds on a loaded 2-core CI machine, and the
  // 5 s default made them fail only when the machine was busy. Performance is measured by `npm run bench`.
  testTimeout: 60000,
  // Global options (jest ignores them inside a project): every LWC TypeScript file counts, tested or not.
  collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!force-app/**/__tests__/**', '!**/*.d.ts'],
  coverageThreshold: {
    './force-app/main/default/lwc/': { lines: 90 }
  },
  coverageReporters: ['text-summary', 'json-summary', 'lcov']
};
