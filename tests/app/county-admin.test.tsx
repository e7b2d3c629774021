import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Envelope } from '../../core/envelope';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import CountyPage from '../../src/subpackages/admin/county';
import { UnitEditor } from '../../src/subpackages/admin/unit';
import { newUnitForm, unitFormOf } from '../../src/subpackages/admin/unit-form';
import { mockApi, ok, withMeta, type ApiCall, type Handler } from './support/api';
import { typeInto } from './support/dom';

jest.mock('../../src/services/choose-file', () => ({
  chooseFile: jest.fn(async () => ({ path: 'blob:county', name: '本县单位表.xlsx', size: 4096 })),
}));
jest.mock('../../src/services/upload', () => ({ uploadFile: jest.fn(async () => 'cloud://local/uploads/county.xlsx') }));

const metaCalls = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'meta' && c.event.action === action).map((c) => c.event);
const refused = (message: string, extra: Record<string, unknown> = {}): Envelope<never> =>
  ({ ok: false, error: { code: 'INVALID_INPUT', message, ...extra } }) as Envelope<never>;

beforeEach(() => {
  // Picking a file is a privacy API in WeChat: the admin agreed before.
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
});

describe('the county workbook', () => {
  test('a refused workbook lists every issue under its sheet, with how many more, and claims nothing', async () => {
    const issues = [
      { path: ['sheet', '成员单位', 'row', 7], message: '成员单位 第 7 行：不认识的事项类别“退休金”' },
      { path: ['sheet', '成员单位', 'row', 9], message: '成员单位 第 9 行：单位名称和第 4 行重复' },
      { path: ['sheet', '服务站', 'row', 3], message: '服务站 第 3 行：乡镇街道“桃园镇”不在乡镇街道表里' },
    ];
    const { calls } = mockApi({
      meta: withMeta((event) =>
        event.action === 'importCounty'
          ? refused('表格里有 4 处问题，什么都没有导入；第一处：成员单位 第 7 行：不认识的事项类别“退休金”', { issues, moreIssues: 1 })
          : ok({}),
      ),
    });
    const { container } = render(<CountyPage />);
    await screen.findByText('乡镇/街道（8）');
    fireEvent.click(container.querySelector('#county-import') as Element);

    const box = await waitFor(() => {
      const el = container.querySelector('#county-import-issues');
      if (!el) throw new Error('no issues yet');
      return el;
    });
    expect(metaCalls(calls, 'importCounty')).toEqual([{ action: 'importCounty', fileID: 'cloud://local/uploads/county.xlsx' }]);
    expect(box.querySelector('.county-issues__title')?.textContent).toContain('表格里有 4 处问题');
    const rows = (sheet: string) =>
      Array.from(container.querySelectorAll(`#county-issues-${sheet} .county-issues__row`)).map((r) => r.textContent);
    expect(rows('成员单位')).toEqual([issues[0]?.message, issues[1]?.message]);
    expect(rows('服务站')).toEqual([issues[2]?.message]);
    expect(container.querySelector('#county-issues-more')?.textContent).toBe('还有 1 处问题没有列出');
    expect(container.querySelector('#county-import-result')).toBeNull();
  });

  test('an imported workbook shows its counts and the page reads the county again', async () => {
    const { calls } = mockApi({
      meta: withMeta((event) =>
        event.action === 'importCounty' ? ok({ units: 30, regions: 12, stations: 12, added: 32, updated: 22 }) : ok({}),
      ),
    });
    const { container } = render(<CountyPage />);
    await screen.findByText('乡镇/街道（8）');
    expect(metaCalls(calls, 'get')).toHaveLength(1);
    fireEvent.click(container.querySelector('#county-import') as Element);
    const result = await waitFor(() => {
      const el = container.querySelector('#county-import-result');
      if (!el) throw new Error('no result yet');
      return el;
    });
    expect(result.textContent).toContain('成员单位 30 行，乡镇街道 12 行，服务站 12 行；新增 32 个，更新 22 个');
    // The cached organization was dropped: the page asks meta.get again.
    await waitFor(() => expect(metaCalls(calls, 'get')).toHaveLength(2));
  });

  test('export opens the workbook it answers', async () => {
    const file = { fileID: 'cloud://x/county.xlsx', url: 'http://host/county.xlsx', name: '全县单位表.xlsx', expiresAt: '' };
    mockApi({ meta: withMeta((event) => (event.action === 'exportCounty' ? ok(file) : ok({}))) });
    const { container } = render(<CountyPage />);
    await screen.findByText('乡镇/街道（8）');
    fireEvent.click(container.querySelector('#county-export') as Element);
    const link = await waitFor(() => {
      const el = container.querySelector('#county-export-link');
      if (!el) throw new Error('no link yet');
      return el;
    });
    expect(link.getAttribute('href')).toBe(file.url);
  });
});

describe('units and 乡镇 one at a time', () => {
  test('the units are grouped by kind, the dispatch unit marked', async () => {
    mockApi({ meta: withMeta() });
    const { container } = render(<CountyPage />);
    await screen.findByText('乡镇/街道（8）');
    const names = (kind: string) =>
      Array.from(container.querySelectorAll(`#county-units-${kind} .list-item__title`)).map((e) => e.textContent);
    expect(names('station')).toHaveLength(8);
    expect(names('station')[0]).toBe('城关街道退役军人服务站');
    expect(names('military')).toEqual(['人民武装部']);
    expect(container.querySelector('#unit-office')?.textContent).toContain('分派单位');
    expect(container.querySelector('#county-dispatch')?.textContent).toContain('双拥办');
    expect(container.querySelector('#county-regions')?.textContent).toContain('河口镇');
  });

  test('a unit that is still used cannot be removed: the cloud’s reason is shown and retiring is offered', async () => {
    const conflict = '人社局还有 3 件在办的求助和 2 项创建任务，不能删除，可以撤销';
    const { calls } = mockApi({
      meta: withMeta((event): Envelope<unknown> => {
        if (event.action === 'removeUnit') return { ok: false, error: { code: 'CONFLICT', message: conflict } };
        return ok({ id: event.id });
      }),
    });
    const { container } = render(<CountyPage />);
    await screen.findByText('乡镇/街道（8）');
    fireEvent.click(container.querySelector('#unit-hrss .btn--danger') as Element);
    await waitFor(() => expect(metaCalls(calls, 'saveUnit')).toHaveLength(1));
    expect(metaCalls(calls, 'removeUnit')).toEqual([{ action: 'removeUnit', id: 'hrss' }]);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不能删除', content: conflict, confirmText: '改为撤销' }));
    const hrss = DEMO_ORGANIZATION.units.find((u) => u.id === 'hrss');
    expect(metaCalls(calls, 'saveUnit')[0]).toEqual({ action: 'saveUnit', ...hrss, retired: true });
  });

  test('a new 乡镇 is saved with the id the admin gave it', async () => {
    const { calls } = mockApi({ meta: withMeta((event) => ok({ id: event.id })) });
    const { container } = render(<CountyPage />);
    await screen.findByText('乡镇/街道（8）');
    fireEvent.click(container.querySelector('#county-add-region') as Element);
    await typeInto(container, '#field-region-id', 'hekou');
    await typeInto(container, '#field-region-name', '桃园镇');
    fireEvent.click(screen.getByText('镇'));
    fireEvent.click(container.querySelector('#region-save') as Element);
    // hekou is 河口镇's: saving it would rename that one.
    expect(await screen.findByText('编号 hekou 已经给「河口镇」用了，请换一个')).toBeTruthy();
    expect(metaCalls(calls, 'saveRegion')).toEqual([]);

    await typeInto(container, '#field-region-id', 'taoyuan');
    fireEvent.click(container.querySelector('#region-save') as Element);
    await waitFor(() =>
      expect(metaCalls(calls, 'saveRegion')).toEqual([{ action: 'saveRegion', id: 'taoyuan', name: '桃园镇', kind: '镇', retired: false }]),
    );
  });
});

describe('the unit editor', () => {
  const save = (handler: Handler = (event) => ok({ id: event.id })) => mockApi({ meta: withMeta(handler) });

  test('a new station is saved with every field, its 乡镇 and its two people', async () => {
    const { calls } = save();
    const onSaved = jest.fn();
    const { container } = render(<UnitEditor initial={newUnitForm('station')} org={DEMO_ORGANIZATION} onSaved={onSaved} />);
    await typeInto(container, '#field-id', 'station-taoyuan');
    await typeInto(container, '#field-name', '桃园镇退役军人服务站');
    await typeInto(container, '#field-shortName', '桃园服务站');
    await typeInto(container, '#field-aliases', '桃园站、桃园镇服务站');
    fireEvent.click(screen.getByText('河口镇'));
    fireEvent.click(screen.getByText('社会优待'));
    fireEvent.click(screen.getByText('帮扶救助'));
    await typeInto(container, '#field-phone', '0000-6120009');
    await typeInto(container, '#field-liaisonName', '李红');
    await typeInto(container, '#field-liaisonTitle', '站长');
    fireEvent.click(container.querySelector('#unit-save') as Element);

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('station-taoyuan'));
    expect(metaCalls(calls, 'saveUnit')).toEqual([
      {
        action: 'saveUnit',
        id: 'station-taoyuan',
        name: '桃园镇退役军人服务站',
        shortName: '桃园服务站',
        aliases: ['桃园站', '桃园镇服务站'],
        kind: 'station',
        regionId: 'hekou',
        defaultCategories: ['preferential', 'relief'],
        contact: { phone: '0000-6120009' },
        liaison: { name: '李红', title: '站长' },
        runsFairs: false,
        retired: false,
      },
    ]);
  });

  test('what the contract refuses is said under its field and nothing is sent', async () => {
    const { calls } = save();
    const { container } = render(<UnitEditor initial={newUnitForm('station')} org={DEMO_ORGANIZATION} onSaved={jest.fn()} />);
    await typeInto(container, '#field-id', '9-Bad');
    await typeInto(container, '#field-leaderTitle', '站长');
    fireEvent.click(container.querySelector('#unit-save') as Element);
    expect((await screen.findByText(/编号用小写字母/)).closest('#field-id')).toBeTruthy();
    expect(container.querySelector('#error-name')?.textContent).toBe('请填写单位名称');
    expect(container.querySelector('#error-regionId')?.textContent).toBe('请选择所在乡镇/街道');
    // A title without a name: the 一把手 needs a name.
    expect(container.querySelector('#error-leaderName')?.textContent).toBe('请填写姓名');
    expect(metaCalls(calls, 'saveUnit')).toEqual([]);
  });

  test('an existing unit keeps its id; retiring it is one tick', async () => {
    const { calls } = save();
    const edu = DEMO_ORGANIZATION.units.find((u) => u.id === 'edu');
    if (!edu) throw new Error('the demo county has 教育局');
    const { container } = render(<UnitEditor initial={unitFormOf(edu)} org={DEMO_ORGANIZATION} onSaved={jest.fn()} />);
    expect(container.querySelector('#unit-id')?.textContent).toBe('edu');
    fireEvent.click(container.querySelector('#unit-retired') as Element);
    fireEvent.click(container.querySelector('#unit-save') as Element);
    await waitFor(() => expect(metaCalls(calls, 'saveUnit')).toEqual([{ action: 'saveUnit', ...edu, retired: true }]));
  });
});
