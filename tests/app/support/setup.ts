import { cleanup } from '@testing-library/react';
import { clearMetaCache } from '../../../src/services/meta';
import { resetTaroStub } from './taro-stub';

afterEach(() => {
  cleanup();
  resetTaroStub();
  localStorage.clear();
  // meta.get is read once a session: each test's county is its own.
  clearMetaCache();
  jest.restoreAllMocks();
});

// A project's `testTimeout` is not honoured when jest runs the root's projects.
jest.setTimeout(20_000);
