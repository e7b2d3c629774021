const path = require('node:path');
module.exports = {
  displayName: 'lint',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/lint/**/*.test.ts'],
  testEnvironment: 'node',
  transform: require('../ts-jest.cjs'),
  modulePathIgnorePatterns: ['<rootDir>/.tmp/'],
};
