import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { defaultRouting, type RoutingRule } from '../../core/routing';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import AuditPage from '../../src/subpackages/admin/audit';
import CalendarPage from '../../src/subpackages/admin/calendar';
import RoutingPage from '../../src/subpackages/admin/routing';
import TemplatesPage from '../../src/subpackages/admin/templates';
import { mockApi, ok, withMeta, type ApiCall } from './support/api';
import { aStaffCase, typeInTextarea } from './support/casework';
import { typeInto } from './support/dom';

const events = (calls: ApiCall[], fn: string, action: string) =>
  calls.filter((c) => c.fn === fn && c.event.action === action).map((c) => c.event);

const DEMO_ROUTING = defaultRouting(DEMO_ORGANIZATION);

test('routing: removing a region override saves the whole table without it', async () => {
  const override: RoutingRule = { category: 'medical', regionId: 'hekou', departmentId: 'medins' };
  const { calls } = mockApi({
    meta: withMeta((event) => (event.action === 'routing' ? ok({ rules: [...DEMO_ROUTING, override] }) : ok({ rules: event.rules }))),
  });
  const { container } = render(<RoutingPage />);
  await screen.findByText('各类事项由谁办');
  expect(container.querySelector('#route-children')?.textContent).toContain('教育局');
  expect(container.querySelector('#routing-overrides')?.textContent).toContain('河口镇 ·「医疗优待」由医疗保障局办理');

  // Nothing changed: nothing to save.
  fireEvent.click(screen.getByText('保存分派规则'));
  expect(events(calls, 'meta', 'saveRouting')).toEqual([]);

  fireEvent.click(screen.getByText('删除'));
  expect(await screen.findByText('有改动还没保存')).toBeTruthy();
  fireEvent.click(screen.getByText('保存分派规则'));
  await waitFor(() => expect(events(calls, 'meta', 'saveRouting')).toHaveLength(1));
  const saved = events(calls, 'meta', 'saveRouting')[0]?.rules as RoutingRule[];
  expect(saved).toHaveLength(DEMO_ROUTING.length);
  expect(saved).toEqual(expect.arrayContaining([...DEMO_ROUTING]));
  expect(saved.some((r) => r.regionId)).toBe(false);
});

test('calendar: says which year lacks official data; removing a day saves the rest', async () => {
  let overrides: Record<string, string> = { '2027-01-01': 'holiday' };
  const { calls } = mockApi({
    meta: (event) => {
      if (event.action === 'saveCalendar') overrides = event.overrides as Record<string, string>;
      return ok({
        overrides,
        years: [
          { year: 2026, hasOfficialData: true },
          { year: 2027, hasOfficialData: false },
        ],
      });
    },
  });
  const { container } = render(<CalendarPage />);
  expect(await screen.findByText(/2027 年还没有国务院公布的放假安排/)).toBeTruthy();
  expect(container.querySelector('#calendar-days')?.textContent).toContain('2027年1月1日 周五休息日');

  fireEvent.click(screen.getByText('添加'));
  expect(await screen.findByText('请先选日期')).toBeTruthy();

  fireEvent.click(screen.getByText('删除'));
  await waitFor(() => expect(events(calls, 'meta', 'saveCalendar')).toEqual([{ action: 'saveCalendar', overrides: {} }]));
  expect(await screen.findByText('还没有手动设置的日子')).toBeTruthy();
});

test('templates: a new one is checked with the contract, saved, and listed under its category', async () => {
  const items: { _id: string; category: string; title: string; text: string; updatedAt: string; updatedBy: string }[] = [];
  const { calls } = mockApi({
    cases: (event) => {
      if (event.action === 'saveTemplate') {
        const t = {
          _id: 't1',
          category: String(event.category),
          title: String(event.title),
          text: String(event.text),
          updatedAt: '',
          updatedBy: 'admin',
        };
        items.push(t);
        return ok(t);
      }
      if (event.action === 'removeTemplate') {
        items.splice(0, 1);
        return ok({ id: event.id, removed: true });
      }
      return ok({ items: [...items] });
    },
  });
  const { container } = render(<TemplatesPage />);
  expect(await screen.findByText('还没有答复模板')).toBeTruthy();
  fireEvent.click(screen.getByText('新建答复模板'));
  fireEvent.click(screen.getByText('保存'));
  expect(await screen.findByText('请选择事项类别')).toBeTruthy();
  expect(events(calls, 'cases', 'saveTemplate')).toEqual([]);

  fireEvent.click(container.querySelector('#template-category')?.querySelectorAll('.chip')[3] as Element);
  await typeInto(container, '#template-title', '入学材料');
  await typeInTextarea(container, '#template-text', '请带户口本和军人证明到教育局窗口办理。');
  fireEvent.click(screen.getByText('保存'));
  expect(await screen.findByText('请带户口本和军人证明到教育局窗口办理。')).toBeTruthy();
  expect(events(calls, 'cases', 'saveTemplate')).toEqual([
    { action: 'saveTemplate', category: 'children', title: '入学材料', text: '请带户口本和军人证明到教育局窗口办理。' },
  ]);

  fireEvent.click(screen.getByText('删除'));
  await waitFor(() => expect(events(calls, 'cases', 'removeTemplate')).toEqual([{ action: 'removeTemplate', id: 't1' }]));
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除模板' }));
});

test('audit: a tracking number is looked up, then the case’s trail is read', async () => {
  const { calls } = mockApi({
    cases: (event) =>
      event.action === 'lookup'
        ? ok(aStaffCase({ caseId: 'c9' }))
        : ok({
            items: [
              { caseId: 'c9', openid: 'staff-edu', role: 'staff', action: 'accept', at: '2026-10-08T09:30:00.000Z' },
              { caseId: 'c9', openid: 'dispatcher', role: 'dispatcher', action: 'urge', at: '2026-10-09T02:00:00.000Z' },
            ],
          }),
  });
  const { container } = render(<AuditPage />);
  await typeInto(container, '#audit-query', 'sy260930001');
  fireEvent.click(screen.getByText('查看记录'));
  expect(await screen.findByText('部门工作人员 · 签收')).toBeTruthy();
  expect(screen.getByText('双拥办调度 · 督办')).toBeTruthy();
  expect(screen.getByText('10月8日 17:30')).toBeTruthy();
  expect(calls.filter((c) => c.fn === 'cases').map((c) => c.event)).toEqual([
    { action: 'lookup', trackingNo: 'SY260930001' },
    { action: 'audit', caseId: 'c9' },
  ]);
});

const entry = (n: number) => ({
  openid: `staff-${n}`,
  role: 'staff',
  departmentId: 'hrss',
  action: 'fairs.exportRoster',
  actionText: '导出招聘会报名名单',
  objectType: 'fair',
  objectId: 'fair-winter',
  revealed: n === 0,
  at: new Date(Date.UTC(2026, 10, 28, 2, 0) - n * 60_000).toISOString(),
});

test('audit log: searched by person, read a page at a time, and said plainly when empty', async () => {
  const { calls } = mockApi({
    meta: withMeta(() => ok({ closedCaseYears: 3, defaultYears: 3 })),
    users: (event) => {
      if (event.openid === 'nobody') return ok({ items: [], total: 0, page: 1, pageSize: 20 });
      const page = Number(event.page);
      return ok({
        items: Array.from({ length: page === 1 ? 20 : 5 }, (_, i) => entry((page - 1) * 20 + i)),
        total: 25,
        page,
        pageSize: 20,
      });
    },
  });
  const { container } = render(<AuditPage />);
  await typeInto(container, '#audit-log-openid', 'staff-hrss');
  fireEvent.click(screen.getByText('查询'));
  expect(await screen.findByText('共 25 条，最新的在前')).toBeTruthy();
  expect(container.querySelectorAll('#audit-log-list .settings-row')).toHaveLength(20);
  expect(container.querySelector('#audit-log-list')?.textContent).toContain(
    '人社局 · 部门工作人员 · 导出招聘会报名名单（看到了完整手机号）',
  );
  fireEvent.click(screen.getByText('再看 20 条'));
  await waitFor(() => expect(container.querySelectorAll('#audit-log-list .settings-row')).toHaveLength(25));
  expect(screen.queryByText('再看 20 条')).toBeNull();
  expect(events(calls, 'users', 'auditLog')).toEqual([
    { action: 'auditLog', openid: 'staff-hrss', page: 1, pageSize: 20 },
    { action: 'auditLog', openid: 'staff-hrss', page: 2, pageSize: 20 },
  ]);

  await typeInto(container, '#audit-log-openid', 'nobody');
  fireEvent.click(screen.getByText('查询'));
  expect(await screen.findByText('没有符合条件的记录')).toBeTruthy();
});

test('retention: a year count outside 1–30 is refused before saving; a good one is saved', async () => {
  let years = 3;
  const { calls } = mockApi({
    meta: withMeta((event) => {
      if (event.action === 'saveRetention') years = Number(event.closedCaseYears);
      return ok({ closedCaseYears: years, defaultYears: 3 });
    }),
  });
  const { container } = render(<AuditPage />);
  await screen.findByText('个人信息保存期限');
  await typeInto(container, '#retention-years', '40');
  fireEvent.click(screen.getByText('保存'));
  expect(await screen.findByText('请填写 1 到 30 之间的整数')).toBeTruthy();
  expect(events(calls, 'meta', 'saveRetention')).toEqual([]);
  await typeInto(container, '#retention-years', '5');
  fireEvent.click(screen.getByText('保存'));
  await waitFor(() => expect(events(calls, 'meta', 'saveRetention')).toEqual([{ action: 'saveRetention', closedCaseYears: 5 }]));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已改为 5 年' }));
});
