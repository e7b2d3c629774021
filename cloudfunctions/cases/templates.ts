import type { AnswerTemplate, TemplatesPort } from '../../core/cases/port';
import { AppError } from '../../core/envelope';
import { db, rows, updatedCount } from '../_lib/cloud';

/** wx-server-sdk adapter for the answer templates (core/cases/templates.ts). */
export function templatesStore(): TemplatesPort {
  const collection = db().collection('templates');
  return {
    list: (category?: string) =>
      rows<AnswerTemplate>((category ? collection.where({ category }) : collection.where({})).orderBy('category', 'asc').limit(1000)),
    async save(t, newId) {
      const { _id, ...data } = t;
      if (_id) {
        if (
          (await updatedCount(collection.where({ _id }).update({ data }))) === 0 &&
          (await rows(collection.where({ _id }).limit(1))).length === 0
        ) {
          throw new AppError('NOT_FOUND', '没有这个答复模板');
        }
        return { _id, ...data };
      }
      const id = newId();
      await collection.add({ data: { _id: id, ...data } });
      return { _id: id, ...data };
    },
    async remove(id) {
      const res = (await collection.where({ _id: id }).remove()) as { stats: { removed: number } };
      if (!res.stats.removed) throw new AppError('NOT_FOUND', '没有这个答复模板');
    },
  };
}
