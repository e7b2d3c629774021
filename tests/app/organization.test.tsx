/**
 * The app draws the county from `meta.get`, never from code: a county with a unit and a 乡镇 (and its
 * station) the demo does not have, one retired unit and one retired 乡镇. What was added is offered;
 * what was retired is offered nowhere, yet still named where the history shows it.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import type { Organization, Region, Unit } from '../../core/org/model';
import { defaultRouting, type RoutingRule } from '../../core/routing';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { PageShell } from '../../src/components/page-shell';
import { IdentitySwitcher } from '../../src/pages/me/identity-switcher';
import { isFairOrganizer } from '../../src/services/fairs';
import RoutingPage from '../../src/subpackages/admin/routing';
import { InviteForm } from '../../src/subpackages/admin/invite-form';
import { RequestForm } from '../../src/subpackages/cases/request-form';
import FairEditPage from '../../src/subpackages/fairs/edit';
import { OfficeCaseView } from '../../src/subpackages/office/case-view';
import PolicyEditPage from '../../src/subpackages/policy/admin/edit';
import WorkbenchPage from '../../src/subpackages/workbench/index';
import { metaFor, mockApi, ok, staffMe, withMeta, type ApiCall } from './support/api';
import { aStaffCase } from './support/casework';

const AGRI: Unit = {
  id: 'agri',
  name: '农业农村局',
  shortName: '农业农村局',
  aliases: ['县农业农村局'],
  kind: 'county',
  defaultCategories: [],
  contact: { phone: '0000-6211011', address: '东城街道农科路 2 号（演示地址）', hours: '工作日 9:00–17:00' },
  runsFairs: true,
  retired: false,
};
const XINAN: Region = { id: 'xinan', name: '新安镇', kind: '镇', center: { lat: 30.6001, lng: 114.4002 }, retired: false };
const XINAN_STATION: Unit = {
  id: 'station-xinan',
  name: '新安镇退役军人服务站',
  shortName: '新安服务站',
  aliases: [],
  kind: 'station',
  regionId: 'xinan',
  defaultCategories: [],
  contact: {},
  runsFairs: false,
  retired: false,
};

/** The demo county, with 农业农村局 and 新安镇 (and its station) added, 司法局 and 白云乡 retired. */
const COUNTY: Organization = {
  ...DEMO_ORGANIZATION,
  units: [...DEMO_ORGANIZATION.units.map((u) => (u.id === 'justice' ? { ...u, retired: true } : u)), AGRI, XINAN_STATION],
  regions: [...DEMO_ORGANIZATION.regions.map((r) => (r.id === 'baiyun' ? { ...r, retired: true } : r)), XINAN],
};
/** 新安镇's 帮扶救助 goes to its station first. */
const XINAN_RELIEF: RoutingRule = { category: 'relief', regionId: 'xinan', departmentId: 'station-xinan' };
const META = metaFor(COUNTY, [...defaultRouting(COUNTY), XINAN_RELIEF]);

const events = (calls: ApiCall[], fn: string, action: string) =>
  calls.filter((c) => c.fn === fn && c.event.action === action).map((c) => c.event);
/** What a Picker offers (its `range`), as Taro's web component holds it. */
const pickerRange = (container: HTMLElement, selector: string): string[] =>
  (container.querySelector(`${selector} taro-picker-core`) as unknown as { range: string[] }).range;
const choose = (container: HTMLElement, selector: string, index: number) =>
  fireEvent(container.querySelector(`${selector} taro-picker-core`) as Element, new CustomEvent('change', { detail: { value: index } }));
const chipLabels = (root: Element) => Array.from(root.querySelectorAll('[role="radio"], [role="checkbox"]')).map((c) => c.textContent);

describe('the routing editor', () => {
  // A rule saved before 司法局 was retired still names it; cases it would take go to the 双拥办.
  const saved: RoutingRule[] = [...defaultRouting(COUNTY), { category: 'legal', departmentId: 'justice' }, XINAN_RELIEF];

  test('offers the county’s active units and 乡镇, and still names a retired unit’s rule', async () => {
    const { calls } = mockApi({ meta: withMeta((e) => (e.action === 'routing' ? ok({ rules: saved }) : ok({ rules: e.rules })), META) });
    const { container } = render(<RoutingPage />);
    await screen.findByText('各类事项由谁办');

    expect(container.querySelector('#route-legal')?.textContent).toContain('司法局（已撤销）');
    const countyWide = pickerRange(container, '#route-legal');
    expect(countyWide).toContain('农业农村局');
    expect(countyWide).not.toContain('司法局 · 法律援助中心');
    // A station serves one 乡镇: it takes no category county-wide.
    expect(countyWide).not.toContain('新安镇退役军人服务站');
    expect(container.querySelector('#routing-overrides')?.textContent).toContain('新安镇 ·「帮扶救助」由新安镇退役军人服务站办理');

    expect(pickerRange(container, '#override-form')).toContain('新安镇');
    expect(pickerRange(container, '#override-form')).not.toContain('白云乡');
    const overrideUnits = (container.querySelectorAll('#override-form taro-picker-core')[2] as unknown as { range: string[] }).range;
    expect(overrideUnits).toEqual(expect.arrayContaining(['农业农村局', '新安镇退役军人服务站']));
    expect(overrideUnits).not.toContain('司法局 · 法律援助中心');

    // 权益维护 handed to the new unit is saved by its id.
    choose(container, '#route-legal', countyWide.indexOf('农业农村局'));
    expect(await screen.findByText('有改动还没保存')).toBeTruthy();
    fireEvent.click(screen.getByText('保存分派规则'));
    await waitFor(() => expect(events(calls, 'meta', 'saveRouting')).toHaveLength(1));
    const rules = events(calls, 'meta', 'saveRouting')[0]?.rules as RoutingRule[];
    expect(rules.filter((r) => r.category === 'legal')).toEqual([{ category: 'legal', departmentId: 'agri' }]);
  });
});

describe('the 双拥办’s case', () => {
  test('the assign sheet offers the new unit and the new station, never a retired unit', async () => {
    mockApi({
      meta: withMeta(undefined, META),
      cases: () => ok(aStaffCase({ departmentId: 'office', departmentName: '双拥办', returned: true })),
    });
    const { container } = render(<OfficeCaseView caseRef={{ id: 'case-1' }} />);
    fireEvent.click(await screen.findByText('分派'));
    const offered = chipLabels(container.querySelector('#assign-departments') as Element);
    expect(offered).toEqual(expect.arrayContaining(['农业农村局', '新安服务站', '教育局']));
    expect(offered).not.toContain('司法局');
  });

  test('an old case of a retired unit still shows that unit’s name', async () => {
    const old = aStaffCase({
      status: 'closed',
      sla: 'done',
      category: 'legal',
      categoryName: '权益维护',
      departmentId: 'justice',
      departmentName: '司法局 · 法律援助中心',
      routing: {
        departmentId: 'justice',
        reason: '「权益维护」事项由司法局 · 法律援助中心办理',
        rule: { category: 'legal', departmentId: 'justice' },
      },
      departmentsHeld: ['justice'],
      timeline: [
        { at: '2026-09-30T10:00:00+08:00', type: 'submitted', text: '群众提交了求助', internal: false, actor: { role: 'resident' } },
        {
          at: '2026-10-09T10:00:00+08:00',
          type: 'resolved',
          text: '已提供法律援助',
          internal: false,
          actor: { role: 'staff', departmentId: 'justice' },
        },
      ],
    });
    mockApi({ meta: withMeta(undefined, META), cases: () => ok(old) });
    const { container } = render(<OfficeCaseView caseRef={{ id: 'case-1' }} />);
    expect(await screen.findByText('为什么由司法局 · 法律援助中心办理')).toBeTruthy();
    expect(container.querySelector('#case-timeline')?.textContent).toContain('· 司法局');
  });
});

test('a station clerk’s workbench is named after the station, as users.me names it', async () => {
  mockApi({
    meta: withMeta(undefined, META),
    users: () => ok(staffMe('station-xinan', {}, COUNTY)),
    cases: () => ok({ items: [], total: 0, page: 1, pageSize: 20 }),
  });
  render(<WorkbenchPage />);
  expect(await screen.findByText('新安镇退役军人服务站 · 工作台')).toBeTruthy();
});

test('invites are offered for every active unit, stations and new units included', async () => {
  render(<InviteForm meta={META} onCreated={jest.fn()} />);
  const offered = chipLabels(document.body);
  expect(offered).toEqual(expect.arrayContaining(['农业农村局', '新安服务站', '退役军人局']));
  expect(offered).not.toContain('司法局');
});

test('a request offers the county’s 乡镇 and says a station takes 新安镇’s relief', async () => {
  mockApi({ meta: withMeta(undefined, META), cases: () => ok({ candidates: [] }) });
  const { container } = render(
    <PageShell>
      <RequestForm meta={META} me={{ role: 'resident', profile: null }} initialCategory="relief" onSubmitted={jest.fn()} />
    </PageShell>,
  );
  const regions = container.querySelector('#field-region') as HTMLElement;
  expect(within(regions).queryByText('白云乡')).toBeNull();
  fireEvent.click(within(regions).getByText('新安镇'));
  await waitFor(() =>
    expect(container.querySelector('#expectation')?.textContent).toBe('帮扶救助 · 新安镇退役军人服务站受理，一般 5 个工作日内答复'),
  );
  fireEvent.click(within(regions).getByText('河口镇'));
  await waitFor(() => expect(container.querySelector('#expectation')?.textContent).toBe('帮扶救助 · 民政局受理，一般 5 个工作日内答复'));
});

describe('fairs', () => {
  test('who organizes follows the unit’s runsFairs; admins always may', () => {
    expect(isFairOrganizer(staffMe('agri', {}, COUNTY))).toBe(true);
    expect(isFairOrganizer(staffMe('hrss'))).toBe(true);
    expect(isFairOrganizer(staffMe('edu'))).toBe(false);
    const dispatcher: Me = { role: 'dispatcher', departmentId: 'office', profile: null };
    const admin: Me = { role: 'admin', profile: null };
    expect(isFairOrganizer(dispatcher)).toBe(false);
    expect(isFairOrganizer(admin)).toBe(true);
    expect(isFairOrganizer(null)).toBe(false);
  });

  test('a new fair is organized by the caller’s unit, chosen from the units that run fairs', async () => {
    mockApi({ meta: withMeta(undefined, META), users: () => ok(staffMe('agri', {}, COUNTY)) });
    const { container } = render(<FairEditPage />);
    const field = await waitFor(() => {
      const el = container.querySelector('#field-organizer');
      if (!el) throw new Error('no form yet');
      return el;
    });
    expect(chipLabels(field)).toEqual(['退役军人事务局', '人力资源和社会保障局', '农业农村局']);
    expect(
      within(field as HTMLElement)
        .getByText('农业农村局')
        .closest('[role="radio"]')
        ?.getAttribute('aria-checked'),
    ).toBe('true');
  });
});

test('the policy editor fills in a unit’s name and contact as the county recorded them', async () => {
  mockApi({ meta: withMeta(undefined, META) });
  const { container } = render(<PolicyEditPage />);
  const field = await waitFor(() => {
    const chips = container.querySelector('[aria-label="部门"]');
    if (!chips?.textContent?.includes('农业农村局')) throw new Error('no units yet');
    return chips as HTMLElement;
  });
  expect(within(field).queryByText('司法局')).toBeNull();
  fireEvent.click(within(field).getByText('农业农村局'));
  const value = (key: string) => (container.querySelector(`#policy-${key} input`) as HTMLInputElement | null)?.value;
  await waitFor(() => expect(value('phone')).toBe('0000-6211011'));
  expect(value('departmentName')).toBe('农业农村局');
  expect(value('address')).toBe('东城街道农科路 2 号（演示地址）');
  expect(value('hours')).toBe('工作日 9:00–17:00');
});

test('the demo identities are one clerk per active unit, stations apart', async () => {
  mockApi({ meta: withMeta(undefined, META) });
  const { container } = render(<IdentitySwitcher onChange={jest.fn()} />);
  const agri = await screen.findByText('农业农村局工作人员');
  expect(agri.getAttribute('data-openid')).toBe('staff-agri');
  expect(screen.queryByText('司法局工作人员')).toBeNull();
  const groups = Array.from(container.querySelectorAll('#identity-switcher .field__label')).map((l) => l.textContent);
  expect(groups).toEqual(expect.arrayContaining(['部门', '服务站']));
  const station = screen.getByText('新安服务站工作人员');
  // Listed under 服务站, not among the county units.
  expect(station.parentElement?.previousElementSibling?.textContent).toBe('服务站');
  fireEvent.click(agri);
  expect(localStorage.getItem('sy.openid')).toBe('staff-agri');
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已切换为农业农村局工作人员', icon: 'none' });
});
