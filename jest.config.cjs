/**
 * One jest run, four projects: core (pure), functions (handlers against the local engine), app (jsdom),
 * lint (planted violations of the boundary rules).
 */
module.exports = {
  projects: ['<rootDir>/tests/core', '<rootDir>/tests/functions', '<rootDir>/tests/app', '<rootDir>/tests/lint'],
};
