const path = require('node:path');
module.exports = {
  displayName: 'core',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/core/**/*.test.ts'],
  testEnvironment: 'node',
  transform: require('../ts-jest.cjs'),
  modulePathIgnorePatterns: ['<rootDir>/.tmp/'],
};
