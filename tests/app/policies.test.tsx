import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MatchResult, Policy, SearchResult } from '../../core/contracts/policies';
import { SEED_POLICIES, seedPolicyFields } from '../../local/seed/policy-catalog';
import { HighlightedText } from '../../src/components/highlighted-text';
import { RecommendedPolicies } from '../../src/pages/home/recommended';
import PoliciesPage from '../../src/pages/policies/index';
import { cleanQuery } from '../../src/services/policies';
import { fieldsOf } from '../../src/subpackages/policy/admin/edit';
import PolicyDetailPage from '../../src/subpackages/policy/detail';
import { mockApi, ok, type ApiCall } from './support/api';
import { typeInto } from './support/dom';

// What this file needs of Taro beyond the shared stand-in: the page's query, sharing and the phone.
const taro = require('@tarojs/taro') as Record<string, unknown>;
let routerParams: Record<string, string> = {};
let shared: (() => { title: string; path: string }) | null = null;
beforeAll(() => {
  // Taro's ScrollView scrolls the chosen chip into view; jsdom does no layout.
  Element.prototype.scrollIntoView ??= () => undefined;
});
beforeEach(() => {
  routerParams = {};
  shared = null;
  taro.useRouter = () => ({ params: routerParams, path: '' });
  taro.useShareAppMessage = (fn: () => { title: string; path: string }) => {
    shared = fn;
  };
  (Taro as unknown as Record<string, unknown>).makePhoneCall = jest.fn(async () => ({ errMsg: 'makePhoneCall:ok' }));
});

const children = seedPolicyFields(SEED_POLICIES.find((p) => p.id === 'children-compulsory-entry')!);
const aPolicy = (overrides: Partial<Policy> = {}): Policy => ({
  ...children,
  status: 'published',
  version: 1,
  updatedAt: '2026-11-28T10:00:00+08:00',
  favorited: false,
  ...overrides,
});

const searchAnswer: SearchResult = {
  items: [
    {
      id: children.id,
      title: children.title,
      category: 'children',
      summary: children.summary,
      score: 12.3,
      highlights: { title: [[2, 4]], summary: [] },
    },
  ],
  total: 1,
  understood: ['子女', '入学'],
};

const searches = (calls: ApiCall[]) => calls.filter((c) => c.fn === 'policies' && c.event.action === 'search');

describe('the 政策 tab', () => {
  test('lists the catalog, then searches as the person types and marks the matched words', async () => {
    const api = mockApi({
      policies: (event) =>
        event.action === 'search'
          ? ok(searchAnswer)
          : ok({
              items: [
                {
                  id: 'legal-aid',
                  title: '军人军属法律援助',
                  category: 'legal',
                  summary: '请不起律师的可以申请',
                  departmentName: '县法律援助中心',
                },
              ],
              total: 1,
              page: 1,
              pageSize: 20,
            }),
      users: () => ok({ role: 'resident', profile: null }),
    });
    const { container } = render(<PoliciesPage />);
    expect(await screen.findByText('军人军属法律援助')).toBeTruthy();

    await typeInto(container, '#policy-search', '孩子上学');
    await waitFor(() => expect(searches(api.calls)).toHaveLength(1));
    expect(searches(api.calls)[0]!.event).toEqual({ action: 'search', q: '孩子上学', limit: 30 });
    expect(await screen.findByText(/按「子女」「入学」为您查找/)).toBeTruthy();
    const marked = container.querySelector('.hl');
    expect(marked?.textContent).toBe('子女');

    fireEvent.click(container.querySelector('.policy-row')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/policy/detail?id=children-compulsory-entry' });
  });

  test('typing fast sends one search, for what was typed last', async () => {
    const api = mockApi({
      policies: (event) => (event.action === 'search' ? ok(searchAnswer) : ok({ items: [], total: 0, page: 1, pageSize: 20 })),
    });
    const { container } = render(<PoliciesPage />);
    await typeInto(container, '#policy-search', '孩');
    await typeInto(container, '#policy-search', '孩子');
    await typeInto(container, '#policy-search', '孩子上学');
    await waitFor(() => expect(searches(api.calls)).toHaveLength(1));
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(searches(api.calls).map((c) => c.event.q)).toEqual(['孩子上学']);
  });

  test('a category chip filters the list and the search', async () => {
    const api = mockApi({
      policies: (event) =>
        event.action === 'search' ? ok({ items: [], total: 0, understood: [] }) : ok({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    const { container } = render(<PoliciesPage />);
    fireEvent.click(await screen.findByText('医疗优待'));
    await waitFor(() => expect(api.calls.some((c) => c.event.action === 'list' && c.event.category === 'medical')).toBe(true));
    expect(await screen.findByText('这个类别暂时没有政策')).toBeTruthy();
    await typeInto(container, '#policy-search', '報銷');
    await waitFor(() => expect(searches(api.calls)[0]?.event).toMatchObject({ q: '報銷', category: 'medical' }));
    fireEvent.click(await screen.findByText('在全部类别中查找'));
    await waitFor(() => expect(searches(api.calls).at(-1)?.event).toEqual({ action: 'search', q: '報銷', limit: 30 }));
    expect(await screen.findByText('没有找到相关政策')).toBeTruthy();
  });

  test('the search box cleans what it sends', () => {
    expect(cleanQuery('  优待\u0000证\n ')).toBe('优待 证');
    expect(Array.from(cleanQuery('优'.repeat(300)))).toHaveLength(100);
    expect(cleanQuery('\t')).toBe('');
  });
});

test('HighlightedText marks the spans and keeps the rest', () => {
  const { container } = render(
    <HighlightedText
      text="军人子女义务教育入学优待"
      spans={[
        [2, 4],
        [8, 10],
        [30, 40],
      ]}
    />,
  );
  expect(container.textContent).toBe('军人子女义务教育入学优待');
  expect(Array.from(container.querySelectorAll('.hl')).map((e) => e.textContent)).toEqual(['子女', '入学']);
});

describe('the policy detail page', () => {
  test('shows the policy; steps tick off; one tap calls the department; 就这件事求助 opens a request for the category', async () => {
    routerParams = { id: children.id };
    const api = mockApi({ policies: (event) => (event.action === 'get' ? ok(aPolicy()) : ok({ id: children.id, favorited: true })) });
    render(<PolicyDetailPage />);
    expect(await screen.findByText(children.title)).toBeTruthy();
    expect(screen.getByText(children.legalBasis[0]!.law, { exact: false })).toBeTruthy();
    expect(api.calls[0]!.event).toEqual({ action: 'get', id: children.id });

    const steps = screen.getAllByRole('checkbox');
    expect(steps).toHaveLength(children.steps.length);
    fireEvent.click(steps[0]!);
    expect(screen.getAllByRole('checkbox')[0]!.getAttribute('aria-checked')).toBe('true');
    expect(Taro.getStorageSync(`sy.policySteps.${children.id}`)).toEqual([0]);

    fireEvent.click(screen.getByText(`拨打 ${children.department.phone}`));
    expect((Taro as unknown as { makePhoneCall: jest.Mock }).makePhoneCall).toHaveBeenCalledWith({
      phoneNumber: children.department.phone,
    });

    fireEvent.click(screen.getByText('☆ 收藏'));
    expect(await screen.findByText('★ 已收藏')).toBeTruthy();
    expect(api.calls.at(-1)!.event).toEqual({ action: 'toggleFavorite', id: children.id });

    fireEvent.click(screen.getByText('就这件事求助'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/cases/new?category=children' });
    expect(shared?.()).toEqual({ title: children.title, path: `/subpackages/policy/detail?id=${children.id}` });
  });

  test('a draft seen by an admin says that residents cannot see it; a missing policy says so', async () => {
    routerParams = { id: children.id };
    mockApi({ policies: () => ok(aPolicy({ status: 'draft' })) });
    const { unmount } = render(<PolicyDetailPage />);
    expect(await screen.findByText('这是草稿，群众看不到')).toBeTruthy();
    unmount();
    mockApi({ policies: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这条政策，可能已经调整或下线' } }) });
    render(<PolicyDetailPage />);
    expect(await screen.findByText('没有找到这条政策，可能已经调整或下线')).toBeTruthy();
  });
});

describe('为您推荐 on 首页', () => {
  const match: MatchResult = {
    identities: ['retired_soldier'],
    source: 'profile',
    total: 3,
    groups: [
      {
        category: 'placement',
        categoryName: '退役安置',
        items: [
          {
            id: 'a',
            title: '退役后到安置地报到',
            category: 'placement',
            summary: '',
            departmentName: '',
            reason: '适用于退役士兵',
            conditions: [],
          },
          {
            id: 'b',
            title: '逐月领取退役金',
            category: 'placement',
            summary: '',
            departmentName: '',
            reason: '适用于退役士兵',
            conditions: [],
          },
        ],
      },
      {
        category: 'employment',
        categoryName: '就业创业',
        items: [
          {
            id: 'c',
            title: '退役军人创业担保贷款和贴息',
            category: 'employment',
            summary: '',
            departmentName: '',
            reason: '适用于退役士兵',
            conditions: [],
          },
        ],
      },
    ],
  };

  test('shows policies from several categories with the reason, and a way to all of them', async () => {
    mockApi({ policies: () => ok(match) });
    render(<RecommendedPolicies />);
    expect(await screen.findByText('为您推荐')).toBeTruthy();
    expect(screen.getByText(/按您的身份（退役士兵）/)).toBeTruthy();
    const titles = Array.from(document.querySelectorAll('#home-recommended .list-item__title')).map((e) => e.textContent);
    // One from each category first.
    expect(titles).toEqual(['退役后到安置地报到', '退役军人创业担保贷款和贴息', '逐月领取退役金']);
    fireEvent.click(screen.getByText('查看全部 3 条'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/policy/for-me' });
  });

  test('shows nothing without identities or when not signed in', async () => {
    const api = mockApi({ policies: () => ok({ ...match, identities: [], groups: [], total: 0 }) });
    const { container, unmount } = render(<RecommendedPolicies />);
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(container.textContent).toBe('');
    unmount();
    mockApi({ policies: () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }) });
    const second = render(<RecommendedPolicies />);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(second.container.textContent).toBe('');
  });
});

describe('the admin form', () => {
  const draft = {
    title: '退役军人理发优惠',
    category: 'preferential',
    summary: '凭优待证理发打八折。',
    identities: ['retired_soldier'],
    conditions: '',
    benefits: '理发八折\n\n',
    materials: '优待证',
    steps: '出示优待证\n付款',
    departmentId: 'vab' as const,
    departmentName: '县退役军人事务局',
    phone: '0000-6201001',
    address: '城关街道拥军路 18 号',
    hours: '工作日',
    legalBasis: '《关于加强军人军属、退役军人和其他优抚对象优待工作的意见》\n《中华人民共和国退役军人保障法》 第六章 抚恤优待',
    effectiveFrom: '2026-01-01',
    effectiveTo: '',
    keywords: '理发，剪头',
    note: '',
  };

  test('one item a line, laws split from their chapters, checked by the contract', () => {
    const { fields, problems } = fieldsOf(draft);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      benefits: ['理发八折'],
      steps: ['出示优待证', '付款'],
      keywords: ['理发', '剪头'],
      legalBasis: [
        { law: '《关于加强军人军属、退役军人和其他优抚对象优待工作的意见》' },
        { law: '《中华人民共和国退役军人保障法》', article: '第六章 抚恤优待' },
      ],
    });
    expect(fields).not.toHaveProperty('effectiveTo');
  });

  test('says what is missing, in plain words', () => {
    const { fields, problems } = fieldsOf({ ...draft, title: ' ', steps: '', category: '' });
    expect(fields).toBeUndefined();
    expect(problems).toEqual(expect.arrayContaining(['标题：请填写标题', '步骤：请至少填写一条办理步骤']));
    expect(problems.some((p) => p.startsWith('类别：'))).toBe(true);
  });
});
