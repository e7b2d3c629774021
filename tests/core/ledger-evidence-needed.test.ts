import { evidenceChecklist, evidenceMissing } from '../../core/ledger/evidence-needed';
import { aTask, anEvidence } from './builders/ledger';

describe('the 佐证材料 checklist', () => {
  test('each item is answered by the first evidence naming it, in its name or its description', () => {
    const task = aTask({
      evidenceNeeded: ['会议纪要', '签到表', '活动照片', '经费凭证'],
      evidence: [
        anEvidence({ name: '2026年第二次领导小组会议纪要', at: '2026-11-01T02:00:00.000Z' }),
        anEvidence({ name: '照片', description: '八一慰问的活动照片 12 张', at: '2026-11-02T02:00:00.000Z' }),
        anEvidence({ name: '会议纪要（补）', at: '2026-11-03T02:00:00.000Z' }),
      ],
    });
    expect(evidenceChecklist(task)).toEqual([
      { item: '会议纪要', by: { name: '2026年第二次领导小组会议纪要', at: '2026-11-01T02:00:00.000Z' } },
      { item: '签到表' },
      { item: '活动照片', by: { name: '照片', at: '2026-11-02T02:00:00.000Z' } },
      { item: '经费凭证' },
    ]);
    expect(evidenceMissing(task)).toEqual(['签到表', '经费凭证']);
  });

  test('a name that is part of the item answers it only when it is particular enough', () => {
    const needed = ['春节慰问名单', '活动照片'];
    expect(evidenceMissing(aTask({ evidenceNeeded: needed, evidence: [anEvidence({ name: '慰问名单', description: '名单' })] }))).toEqual([
      '活动照片',
    ]);
    expect(evidenceMissing(aTask({ evidenceNeeded: needed, evidence: [anEvidence({ name: '照片', description: '现场' })] }))).toEqual(
      needed,
    );
  });

  test('a task whose standard lists nothing has an empty checklist', () => {
    expect(evidenceChecklist(aTask({ evidence: [anEvidence()] }))).toEqual([]);
  });
});
