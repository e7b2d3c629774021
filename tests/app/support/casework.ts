/** Builders for staff and 双拥办 answers: cases.get / inbox / queue / stats as the functions give them. */
import { fireEvent, waitFor } from '@testing-library/react';
import type { Figures, Rate, Stats } from '../../../core/cases/stats';
import { CATEGORIES } from '../../../core/data/categories';
import { activeUnits } from '../../../core/org/model';
import { DEMO_ORGANIZATION } from '../../../local/seed/org';
import type { InboxItem, QueueItem, StaffCase } from '../../../src/services/cases';

export function anInboxItem(overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    caseId: 'case-1',
    trackingNo: 'SY260930001',
    category: 'children',
    categoryName: '子女教育',
    status: 'assigned',
    statusText: '等待部门签收',
    departmentId: 'edu',
    departmentName: '教育局',
    urgent: false,
    sla: 'ok',
    createdAt: '2026-09-30T10:00:00+08:00',
    signDueAt: '2026-10-08T10:00:00+08:00',
    dueAt: '2026-10-13T10:00:00+08:00',
    excerpt: '孩子明年要上小学，想问问军人子女入学有什么优待',
    urged: false,
    returned: false,
    flagged: false,
    ...overrides,
  };
}

export function aQueueItem(overrides: Partial<QueueItem> = {}): QueueItem {
  const { urged: _u, lastUrge: _l, ...base } = anInboxItem();
  return { ...base, urgeCount: 0, workdaysOverdue: 0, requesterPhone: '138****8000', ...overrides };
}

export function aStaffCase(overrides: Partial<StaffCase> = {}): StaffCase {
  return {
    ...anInboxItem(),
    description: '孩子明年要上小学，想问问军人子女入学有什么优待，需要准备什么材料？',
    region: 'hekou',
    regionName: '河口镇',
    contact: { name: '王建军', phone: '13800138000' },
    contactUnmasked: true,
    attachments: [],
    flagged: false,
    returned: false,
    recorded: false,
    routing: { departmentId: 'edu', reason: '「子女教育」事项由教育局办理', rule: { category: 'children', departmentId: 'edu' } },
    departmentsHeld: ['edu'],
    signedAt: undefined,
    signedOnTime: undefined,
    resolvedAt: undefined,
    resolvedOnTime: undefined,
    resolution: undefined,
    rating: undefined,
    reopenCount: 0,
    urges: [],
    timeline: [
      {
        at: '2026-09-30T10:00:00+08:00',
        type: 'submitted',
        text: '已收到您的求助，受理编号 SY260930001',
        internal: false,
        actor: { role: 'resident', departmentId: undefined },
      },
      {
        at: '2026-09-30T10:00:00+08:00',
        type: 'routed',
        text: '分派依据：「子女教育」事项由教育局办理',
        internal: true,
        actor: { role: 'system', departmentId: undefined },
      },
    ],
    ...overrides,
  } as StaffCase;
}

const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null,
});

export function someFigures(overrides: Partial<Figures> = {}): Figures {
  return {
    received: 0,
    signedOnTime: 0,
    resolved: 0,
    resolvedOnTime: 0,
    solvedNotReopened: 0,
    rated: 0,
    satisfied: 0,
    reopened: 0,
    withdrawn: 0,
    open: 0,
    responseRate: rate(0, 0),
    resolutionRate: rate(0, 0),
    satisfactionRate: rate(0, 0),
    onTimeRate: rate(0, 0),
    avgWorkdaysToResolve: null,
    ...overrides,
  };
}

/** Stats where only the departments given have cases; the total and categories follow the first one. */
export function someStats(byDepartment: Record<string, Partial<Figures>>, from = '2026-11-01', to = '2026-11-28'): Stats {
  const first = Object.values(byDepartment)[0] ?? {};
  return {
    from,
    to,
    total: someFigures(first),
    departments: activeUnits(DEMO_ORGANIZATION).map((d) => ({
      departmentId: d.id,
      name: d.name,
      escalated: 0,
      ...someFigures(byDepartment[d.id] ?? {}),
    })),
    categories: CATEGORIES.map((c) => ({ category: c.id, name: c.name, ...someFigures(c.id === 'children' ? first : {}) })),
  };
}

export { rate };

/** The native <textarea> inside a Taro <Textarea>, once it has rendered. */
export const nativeTextarea = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const el = container.querySelector(`${selector} textarea`);
    if (!el) throw new Error(`no textarea rendered in ${selector}`);
    return el as HTMLTextAreaElement;
  });

/** Types into a Taro <Textarea> the way a person does. */
export async function typeInTextarea(container: HTMLElement, selector: string, value: string) {
  const el = await nativeTextarea(container, selector);
  el.value = value;
  fireEvent.input(el);
}
