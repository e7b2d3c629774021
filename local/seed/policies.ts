import { SEED_POLICIES, seedPolicyFields } from './policy-catalog';
import { categoryOrder, type PolicyRecord } from '../../core/policies/model';

/** The seed catalog as stored documents, published and dated `now` (the local host writes them on a fresh database, scripts/export-policies.ts for a real one). */
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
