import { SEED_POLICIES, seedPolicyFields } from '../data/policies-seed';
import { categoryOrder, type PolicyRecord } from './use-cases';

/** The seed catalog as stored documents, published and dated `now` (local/seed.ts writes them). */
export function seedPolicyRecords(now: Date): PolicyRecord[] {
  const at = now.toISOString();
  return SEED_POLICIES.map((seed) => {
    const { id, ...fields } = seedPolicyFields(seed);
    return {
      _id: id,
      ...fields,
      status: 'published',
      version: 1,
      categoryOrder: categoryOrder(fields.category),
      createdAt: at,
      createdBy: 'seed',
      updatedAt: at,
      updatedBy: 'seed',
      publishedAt: at,
    };
  });
}
