const path = require('node:path');
module.exports = {
  displayName: 'functions',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/functions/**/*.test.ts'],
  testEnvironment: 'node',
  transform: require('../ts-jest.cjs'),
  // The engine suite spawns and kills writer processes; give it room on a shared 2-core machine.
  testTimeout: 60000,
};
