import { callFunction } from '../../src/services/call';
import { setIdentity } from '../../src/services/identity';
import { clearMetaCache, getMeta, getOrganization, knownOrganization } from '../../src/services/meta';
import { ServiceError, fieldErrors } from '../../src/services/service-error';
import { saveProfile } from '../../src/services/users';
import { META, mockApi, ok } from './support/api';

afterEach(() => clearMetaCache());

describe('callFunction', () => {
  test('resolves with data and posts the event to /api/<function>', async () => {
    const { calls, fetchMock } = mockApi({ meta: () => ok(META) });
    await expect(callFunction('meta', { action: 'get' })).resolves.toEqual(META);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/meta');
    expect(calls).toEqual([{ fn: 'meta', event: { action: 'get' }, openid: null }]);
  });

  test('maps an error envelope to a ServiceError with code, message and issues', async () => {
    mockApi({
      users: () => ({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: '填写的内容有误',
          issues: [{ path: ['phone'], message: '请填写 11 位手机号', code: 'invalid_format' }],
        },
      }),
    });
    const error = await saveProfile({ phone: '123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '填写的内容有误',
      issues: [{ path: ['phone'], message: '请填写 11 位手机号' }],
    });
    expect(fieldErrors((error as ServiceError).issues)).toEqual({ phone: '请填写 11 位手机号' });
  });

  test.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['CONFLICT', 409],
  ] as const)('keeps the code %s (HTTP %d) from the body', async (code, _status) => {
    mockApi({ users: () => ({ ok: false, error: { code, message: '不行' } }) });
    await expect(callFunction('users', { action: 'me' })).rejects.toMatchObject({ code, message: '不行', issues: [] });
  });

  test('a failed request is NETWORK with a message fit to show', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(callFunction('meta', { action: 'get' })).rejects.toMatchObject({
      name: 'ServiceError',
      code: 'NETWORK',
      message: expect.stringContaining('网络'),
    });
  });

  test('a body that is not JSON is a ServiceError, not a crash', async () => {
    global.fetch = jest.fn(
      async () => ({ status: 502, json: async () => JSON.parse('<html>') }) as unknown as Response,
    ) as unknown as typeof fetch;
    await expect(callFunction('meta', { action: 'get' })).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  test('an answer that is not an envelope, or an unknown code, is INTERNAL', async () => {
    global.fetch = jest.fn(
      async () => ({ status: 200, json: async () => ({ hello: 1 }) }) as unknown as Response,
    ) as unknown as typeof fetch;
    await expect(callFunction('meta', { action: 'get' })).rejects.toMatchObject({ code: 'INTERNAL' });
    mockApi({ meta: () => ({ ok: false, error: { code: 'TEAPOT' as never, message: '' } }) });
    await expect(callFunction('meta', { action: 'get' })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.any(String) });
  });

  test('sends x-openid for the chosen identity, and none when anonymous', async () => {
    const { calls } = mockApi({ users: () => ok({ role: 'resident', profile: null }) });
    setIdentity('resident-1');
    await callFunction('users', { action: 'me' });
    setIdentity(null);
    await callFunction('users', { action: 'me' }).catch(() => undefined);
    expect(calls.map((c) => c.openid)).toEqual(['resident-1', null]);
  });
});

describe('getMeta', () => {
  test('asks once per session', async () => {
    const { calls } = mockApi({ meta: () => ok(META) });
    await getMeta();
    await getMeta();
    expect(calls).toHaveLength(1);
  });

  test('does not keep a failure: the next call asks again', async () => {
    let fail = true;
    const { calls } = mockApi({ meta: () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '系统开了个小差' } } : ok(META)) });
    await expect(getMeta()).rejects.toBeInstanceOf(ServiceError);
    fail = false;
    await expect(getMeta()).resolves.toEqual(META);
    expect(calls).toHaveLength(2);
  });

  test('the organization is meta.get’s units, regions and routing fallback, and is kept for pages opened later', async () => {
    const { calls } = mockApi({ meta: () => ok(META) });
    expect(knownOrganization()).toBeNull();
    const org = await getOrganization();
    expect(org).toEqual({ units: META.departments, regions: META.regions, dispatchUnitId: META.routing.fallbackDepartmentId });
    expect(org.dispatchUnitId).toBe('office');
    expect(knownOrganization()).toEqual(org);
    await getOrganization();
    expect(calls).toHaveLength(1);
    clearMetaCache();
    expect(knownOrganization()).toBeNull();
  });
});
