import type { Evidence, TaskRecord } from './model';

/** Text as compared: no spaces or punctuation, full-width folded. */
const key = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** An item of the standard's 佐证材料 and the evidence on the task that answers it, if any. */
export interface ChecklistItem {
  item: string;
  /** The first piece of evidence whose name (or description) names the item. */
  by?: Pick<Evidence, 'name' | 'at'>;
}

/**
 * The task's 佐证材料 checklist: each item the standard asks for, answered by the first piece of evidence
 * whose name contains the item (or, four characters or more, is part of it: 慰问名单 answers 春节慰问名单),
 * or whose description names it. What has no answer is what is still missing.
 */
export function evidenceChecklist(t: Pick<TaskRecord, 'evidenceNeeded' | 'evidence'>): ChecklistItem[] {
  return (t.evidenceNeeded ?? []).map((item) => {
    const wanted = key(item);
    const by = t.evidence.find((e) => {
      const name = key(e.name);
      // A short name (照片, 文件) is too general to answer a particular item by itself.
      return (wanted && name.includes(wanted)) || (name.length >= 4 && wanted.includes(name)) || key(e.description).includes(wanted);
    });
    return by ? { item, by: { name: by.name, at: by.at } } : { item };
  });
}

/** The items of the checklist nothing answers yet. */
export const evidenceMissing = (t: Pick<TaskRecord, 'evidenceNeeded' | 'evidence'>): string[] =>
  evidenceChecklist(t)
    .filter((c) => !c.by)
    .map((c) => c.item);
