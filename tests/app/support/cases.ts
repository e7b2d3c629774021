/** Builders for the requester's side: answers as cases.get / cases.mine give them. */
import { fireEvent, waitFor } from '@testing-library/react';
import type { CaseSummary } from '../../../core/cases/present';
import type { RequesterCase, Submitted } from '../../../src/services/cases';

export function aCase(overrides: Partial<RequesterCase> = {}): RequesterCase {
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
    description: '孩子明年要上小学，想问问军人子女入学有什么优待',
    region: 'hekou',
    regionName: '河口镇',
    contact: { name: '王建军', phone: '138****8000' },
    attachments: [],
    resolution: undefined,
    resolvedAt: undefined,
    rating: undefined,
    steps: { now: '教育局将在10月8日 10:00前签收', next: '签收后，教育局将在10月13日 10:00前答复您' },
    can: { withdraw: true, supplement: false, rate: false },
    timeline: [
      { at: '2026-09-30T10:00:00+08:00', type: 'submitted', text: '已收到您的求助，受理编号 SY260930001' },
      { at: '2026-09-30T10:00:00+08:00', type: 'routed', text: '已转给教育局办理，教育局将在10月13日 10:00前答复您' },
    ],
    ...overrides,
  };
}

export const aSummary = (overrides: Partial<CaseSummary> = {}): CaseSummary => {
  const c = aCase();
  return {
    caseId: c.caseId,
    trackingNo: c.trackingNo,
    category: c.category,
    categoryName: c.categoryName,
    status: c.status,
    statusText: c.statusText,
    departmentId: c.departmentId,
    departmentName: c.departmentName,
    urgent: c.urgent,
    sla: c.sla,
    createdAt: c.createdAt,
    signDueAt: c.signDueAt,
    dueAt: c.dueAt,
    excerpt: c.excerpt,
    ...overrides,
  };
};

export const SUBMITTED: Submitted = {
  caseId: 'case-1',
  trackingNo: 'SY260930001',
  departmentId: 'edu',
  departmentName: '教育局',
  status: 'assigned',
  signDueAt: '2026-10-08T10:00:00+08:00',
  dueAt: '2026-10-13T10:00:00+08:00',
  message: '已收到您的求助，教育局将在10月13日 10:00前答复',
};

/** Types into a Taro <Textarea> the way a person does. */
export async function typeText(container: HTMLElement, selector: string, value: string) {
  const area = await waitFor(() => {
    const el = container.querySelector(`${selector} textarea`);
    if (!el) throw new Error(`no textarea rendered in ${selector}`);
    return el as HTMLTextAreaElement;
  });
  area.value = value;
  fireEvent.input(area);
}

export const errorUnder = (container: HTMLElement, field: string) => container.querySelector(`#error-${field}`)?.textContent ?? null;
