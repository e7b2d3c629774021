import { cleanup } from '@testing-library/react';
import { resetTaroStub } from './taro-stub';

afterEach(() => {
  cleanup();
  resetTaroStub();
  localStorage.clear();
  jest.restoreAllMocks();
});

// NutUI's loading icon writes `-webkitMask` in an inline style; React warns about the spelling in
// development. It is NutUI's, harmless, and would bury real warnings.
const realError = console.error;
beforeAll(() => {
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Unsupported style property %s') && String(args[1]).includes('webkitMask')) return;
    realError(...args);
  };
});
afterAll(() => {
  console.error = realError;
});

// A project's `testTimeout` is not honoured when jest runs the root's projects.
jest.setTimeout(20_000);
