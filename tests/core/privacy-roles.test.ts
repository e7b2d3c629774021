import { maskName, maskPhone } from '../../core/privacy';
import { mayAccess, type Access, type Caller } from '../../core/roles';

test('phones keep the first three and last four digits', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
  expect(maskPhone('123')).toBe('****');
});

test('names keep the family name', () => {
  expect(maskName('王建国')).toBe('王**');
  expect(maskName('欧阳修文')).toBe('欧**');
  expect(maskName('李')).toBe('*');
});

describe('access', () => {
  const callers: Record<string, Caller> = {
    anonymous: { openid: null, role: 'resident' },
    resident: { openid: 'r', role: 'resident' },
    staff: { openid: 's', role: 'staff', departmentId: 'edu' },
    dispatcher: { openid: 'd', role: 'dispatcher', departmentId: 'office' },
    admin: { openid: 'a', role: 'admin' },
  };
  const table: [Access, string[]][] = [
    ['public', ['anonymous', 'resident', 'staff', 'dispatcher', 'admin']],
    ['user', ['resident', 'staff', 'dispatcher', 'admin']],
    ['staff', ['staff', 'dispatcher', 'admin']],
    ['dispatcher', ['dispatcher', 'admin']],
    ['admin', ['admin']],
  ];
  test.each(table)('%s admits exactly %j', (access, allowed) => {
    const admitted = Object.entries(callers)
      .filter(([, c]) => mayAccess(c, access))
      .map(([name]) => name);
    expect(admitted).toEqual(allowed);
  });
});
