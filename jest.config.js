// Jest runs the TypeScript sources as ESM (the package is "type": "module" and
// @actions/core 3 is ESM-only), so tests need NODE_OPTIONS=--experimental-vm-modules,
// which `npm test` sets.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // The end-to-end tests run the bundle built from the current sources (not the committed dist/).
  globalSetup: '<rootDir>/scripts/test-bundle.mjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // Sources import './x.js' (NodeNext style); map back to the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
};
