/** Answer templates per category: staff pick one when replying, admins keep them current (decision 014). */
import type { CategoryId } from '../data/categories';
import type { Caller } from '../roles';
import type { AnswerTemplate, TemplatesPort } from './port';

export interface TemplateDeps {
  port: TemplatesPort;
  now: Date;
  newId: () => string;
}

type Authed = Caller & { openid: string };

export async function listTemplates({ port }: Pick<TemplateDeps, 'port'>, _caller: Caller, { category }: { category?: CategoryId }) {
  return { items: await port.list(category) };
}

/** A new template without `id`; with one, that template replaced. Who changed it last, and when, go with it. */
export async function saveTemplate(
  { port, now, newId }: TemplateDeps,
  caller: Authed,
  { id, ...t }: { id?: string; category: CategoryId; title: string; text: string },
): Promise<AnswerTemplate> {
  return port.save({ ...(id ? { _id: id } : {}), ...t, updatedAt: now.toISOString(), updatedBy: caller.openid }, newId);
}

export async function removeTemplate({ port }: Pick<TemplateDeps, 'port'>, _caller: Caller, { id }: { id: string }) {
  await port.remove(id);
  return { id, removed: true as const };
}
