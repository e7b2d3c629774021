const path = require('node:path');
module.exports = {
  displayName: 'functions',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/functions/**/*.test.ts'],
  testEnvironment: 'node',
  transform: require('../ts-jest.cjs'),
  setupFilesAfterEnv: ['<rootDir>/tests/functions/setup.ts'],
  // Builds made in other folders carry the same package names as dist/cloudfunctions.
  modulePathIgnorePatterns: ['<rootDir>/.tmp/'],
};
