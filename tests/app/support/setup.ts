import { cleanup } from '@testing-library/react';
import { resetTaroStub } from './taro-stub';

afterEach(() => {
  cleanup();
  resetTaroStub();
  localStorage.clear();
  jest.restoreAllMocks();
});

// A project's `testTimeout` is not honoured when jest runs the root's projects.
jest.setTimeout(20_000);
