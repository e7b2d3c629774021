/** One jest run, three projects: core (pure), functions (handlers against the local engine), app (jsdom). */
module.exports = {
  projects: ['<rootDir>/tests/core', '<rootDir>/tests/functions', '<rootDir>/tests/app'],
};
