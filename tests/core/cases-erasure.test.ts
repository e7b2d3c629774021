import {
  anonymized,
  erasedByRequester,
  erasedForRetention,
  eraseExpired,
  eraseRequester,
  retentionCutoff,
  type ErasurePort,
} from '../../core/cases/erasure';
import type { CaseRecord } from '../../core/cases/model';
import { AppError } from '../../core/envelope';
import { ERASED_NAME } from '../../core/privacy';
import { aCase, aRating, aResolvedCase, aSignedCase, aTimelineEntry, anUrge, chinaDate, chinaTime, memoryCases } from './builders/cases';

const now = chinaDate('2026-11-25 10:00');
const ID_CARD = '420102198001011234';

/** A case whose free text names the person, their phone and their ID card number, as people write. */
const talkative = (overrides: Partial<CaseRecord> = {}) =>
  aResolvedCase({
    status: 'closed',
    closedAt: chinaTime('2026-11-27 09:00'),
    description: `我叫王建国，身份证${ID_CARD}，电话13800000001，家里老人住院，想申请临时救助`,
    attachments: ['cloud://files/hospital.jpg'],
    resolution: '已与王建国本人电话确认，发放救助金',
    rating: aRating({ score: 4, comment: '有事请打13900000002找我爱人' }),
    reopenCount: 1,
    urges: [anUrge({ note: '王建国反映尚未收到' })],
    timeline: [
      aTimelineEntry({ type: 'submitted', actor: { role: 'resident', openid: 'resident-1' }, text: '王建国提交了求助' }),
      aTimelineEntry({
        type: 'replied',
        actor: { role: 'staff', departmentId: 'civil', openid: 'staff-civil' },
        text: '已电话联系13800000001',
      }),
    ],
    ...overrides,
  });

describe('anonymized: the case without who asked', () => {
  const before = talkative();
  const after = anonymized(before, now, 'requester');

  test('name, phone, OPENID and attachments are gone', () => {
    expect(after.contact).toEqual({ name: ERASED_NAME, phone: '' });
    expect(after.requesterOpenid).toBe('');
    expect(after.attachments).toEqual([]);
    expect(after).toMatchObject({ erasedAt: now.toISOString(), erasedBecause: 'requester' });
  });

  test('the person’s name, phone and any mobile or ID card number are taken out of every free text', () => {
    const texts = [
      after.description,
      after.resolution,
      after.rating?.comment,
      ...after.urges.map((u) => u.note),
      ...after.timeline.map((e) => e.text),
    ];
    const all = texts.join('\n');
    for (const personal of ['王建国', '13800000001', '13900000002', ID_CARD]) expect(all).not.toContain(personal);
    expect(after.description).toBe('我叫***，身份证***，电话***，家里老人住院，想申请临时救助');
  });

  test('the requester’s OPENID leaves the timeline; the clerk’s stays', () => {
    expect(after.timeline.map((e) => e.actor)).toEqual([
      { role: 'resident' },
      { role: 'staff', departmentId: 'civil', openid: 'staff-civil' },
    ]);
  });

  test('everything the figures read is as it was', () => {
    for (const key of [
      'category',
      'regionId',
      'departmentId',
      'status',
      'routedAt',
      'signedOnTime',
      'resolvedAt',
      'resolvedOnTime',
      'reopenCount',
    ] as const) {
      expect(after[key]).toEqual(before[key]);
    }
    expect(after.rating).toMatchObject({ score: 4, solved: true, satisfied: true });
    expect(after.urges).toHaveLength(1);
  });

  test('the case given is left untouched', () => {
    expect(before).toEqual(talkative());
  });
});

describe('the requester deletes their data', () => {
  test('an open case is withdrawn, with a public entry and an internal note, then anonymized', () => {
    const after = erasedByRequester(aSignedCase(), now);
    expect(after).toMatchObject({ status: 'withdrawn', closedAt: now.toISOString(), erasedBecause: 'requester' });
    expect(after.timeline.slice(-2).map((e) => [e.type, Boolean(e.internal)])).toEqual([
      ['withdrawn', false],
      ['note', true],
    ]);
  });

  test('a resolved case keeps its status (the timer closes it) and gets only the internal note', () => {
    const before = aResolvedCase();
    const after = erasedByRequester(before, now);
    expect(after.status).toBe('resolved');
    expect(after.timeline).toHaveLength(before.timeline.length + 1);
    expect(after.timeline.at(-1)).toMatchObject({ type: 'note', internal: true });
  });

  test('eraseRequester: each of the person’s cases rewritten once, open ones counted as withdrawn, files deleted', async () => {
    const store = memoryCases([
      aSignedCase({ _id: 'open', attachments: ['cloud://a.jpg'] }),
      talkative({ _id: 'closed', attachments: ['cloud://b.jpg'] }),
      aCase({ _id: 'someoneElse', requesterOpenid: 'resident-2' }),
    ]);
    expect(await eraseRequester({ port: store.port, now }, { openid: 'resident-1' })).toEqual({ withdrawn: 1, anonymized: 1 });
    expect(store.cases.get('open')).toMatchObject({ status: 'withdrawn', version: 3, requesterOpenid: '' });
    expect(store.cases.get('closed')).toMatchObject({ status: 'closed', version: 4, updatedAt: now.toISOString() });
    expect(store.cases.get('someoneElse')?.contact.name).toBe('王建国');
    expect(store.deletedFiles.sort()).toEqual(['cloud://a.jpg', 'cloud://b.jpg']);
  });
});

describe('the retention period', () => {
  test('the cutoff is the same instant the given number of years earlier', () => {
    expect(retentionCutoff(now, 3).toISOString()).toBe(chinaTime('2023-11-25 10:00'));
    // 29 February has no twin a year on: JavaScript rolls over to 1 March.
    expect(retentionCutoff(new Date('2028-02-29T12:00:00Z'), 1).toISOString()).toBe('2027-03-01T12:00:00.000Z');
  });

  test('erasedForRetention: an internal note, and the reason recorded', () => {
    const after = erasedForRetention(talkative(), now);
    expect(after).toMatchObject({ erasedBecause: 'retention', contact: { name: ERASED_NAME, phone: '' } });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'note', internal: true, actor: { role: 'system' } });
  });

  test('eraseExpired: only closed or withdrawn cases that ended before the cutoff and are not erased yet', async () => {
    const later = new Date('2029-12-01T00:00:00Z'); // 3 years on: the cutoff is 2026-12-01
    const store = memoryCases([
      talkative({ _id: 'ended', closedAt: chinaTime('2026-11-27 09:00') }),
      aCase({ _id: 'withdrawn', status: 'withdrawn', closedAt: chinaTime('2026-11-24 09:00') }),
      talkative({ _id: 'endedLater', closedAt: chinaTime('2026-12-02 09:00') }),
      aSignedCase({ _id: 'stillOpen' }),
      talkative({ _id: 'erasedAlready', erasedAt: chinaTime('2026-11-28 09:00') }),
    ]);
    expect(await eraseExpired({ port: store.port, now: later }, null, { years: 3 })).toEqual({ erased: 2 });
    const erased = [...store.cases.values()].filter((c) => c.erasedBecause === 'retention').map((c) => c._id);
    expect(erased.sort()).toEqual(['ended', 'withdrawn']);
  });
});

describe('when someone else keeps writing the case first', () => {
  const busy = (c: CaseRecord): ErasurePort & { tries: number } => {
    const port = {
      tries: 0,
      casesOf: async () => [c],
      finishedBefore: async () => [c],
      getCase: async () => structuredClone(c),
      replaceCase: async () => {
        port.tries++;
        return false;
      },
      deleteFiles: async () => undefined,
    };
    return port;
  };

  test('the requester is told to try again (CONFLICT) after a few attempts', async () => {
    const port = busy(aSignedCase());
    await expect(eraseRequester({ port, now }, { openid: 'resident-1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(eraseRequester({ port, now }, { openid: 'resident-1' })).rejects.toBeInstanceOf(AppError);
    expect(port.tries).toBe(8);
  });

  test('the timer reads the case again before writing: one erased since it was listed is left alone', async () => {
    const listed = talkative();
    const port = busy(listed);
    port.getCase = async () => ({ ...structuredClone(listed), erasedAt: chinaTime('2026-11-28 09:00') });
    expect(await eraseExpired({ port, now: new Date('2030-01-01T00:00:00Z') }, null, { years: 3 })).toEqual({ erased: 0 });
    expect(port.tries).toBe(0);
  });

  test('the timer leaves the case for its next run', async () => {
    const port = busy(talkative());
    expect(await eraseExpired({ port, now: new Date('2030-01-01T00:00:00Z') }, null, { years: 3 })).toEqual({ erased: 0 });
    expect(port.tries).toBe(4);
  });
});
