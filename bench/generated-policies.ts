/**
 * A large synthetic catalog for the search benchmarks: each policy recombines a seed policy with
 * sentences from another of the same category and a town's name, so categories, vocabulary and
 * document lengths stay realistic while titles and texts differ. Deterministic (seeded PRNG).
 */
import { categoryOrder, type PolicyRecord } from '../core/policies/model';
import { DEMO_REGIONS } from '../local/seed/org';
import { SEED_POLICIES, seedPolicyFields } from '../local/seed/policy-catalog';
import { prng } from './prng';

const VARIANTS = ['试点', '实施细则', '补充规定', '办理指南', '服务清单', '专项行动', '工作方案', '操作规程'];

export function generatePolicies(count: number, now: Date, seed = 7): PolicyRecord[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const bases = SEED_POLICIES.map((s) => seedPolicyFields(s));
  const at = now.toISOString();
  const out: PolicyRecord[] = [];
  for (let i = 0; i < count; i++) {
    const { id, ...base } = bases[i % bases.length]!;
    const sameCategory = bases.filter((b) => b.category === base.category);
    const other = pick(sameCategory);
    const region = pick(DEMO_REGIONS).name;
    const mix = <T>(a: readonly T[], b: readonly T[]) => [...a, ...b].filter(() => random() < 0.6);
    out.push({
      ...base,
      _id: `gen-${String(i).padStart(5, '0')}-${id}`.slice(0, 64),
      title: `${base.title}（${region}${pick(VARIANTS)}）`.slice(0, 40),
      summary: `${region}：${base.summary}`.slice(0, 200),
      eligibility: {
        identities: [...base.eligibility.identities],
        conditions: mix(base.eligibility.conditions, other.eligibility.conditions),
      },
      benefits: mix(base.benefits, other.benefits).concat(base.benefits.slice(0, 1)),
      materials: mix(base.materials, other.materials),
      steps: mix(base.steps, other.steps).concat(base.steps.slice(0, 1)),
      status: 'published',
      version: 1,
      categoryOrder: categoryOrder(base.category),
      createdAt: at,
      createdBy: 'bench',
      updatedAt: at,
      updatedBy: 'bench',
      publishedAt: at,
    });
  }
  return out;
}
