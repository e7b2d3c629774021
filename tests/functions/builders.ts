import { randomUUID } from 'node:crypto';

/** A valid cases.submit payload; override what a test is about. */
export function aSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'submit',
    requestId: randomUUID(),
    category: 'children',
    description: '孩子明年上小学，想了解军人子女入学的优待政策，需要准备哪些材料？',
    region: 'chengguan',
    contact: { name: '王建国', phone: '13800000001' },
    consent: true,
    ...overrides,
  };
}
