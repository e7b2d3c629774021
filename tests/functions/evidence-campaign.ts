import { randomBytes } from 'node:crypto';
import type { TestCloud } from './harness';

/**
 * A campaign at the size the 迎查 package must handle, written straight into a test cloud's database and
 * storage (uploads would hit the daily quota): `areas` areas, `tasks` tasks in them, each with `files`
 * evidence photos of `bytes` bytes. The seeded standard is removed first. Answers how many files it stored.
 */
export function seedEvidenceCampaign(t: TestCloud, size = { areas: 10, tasks: 78, files: 20, bytes: 200 * 1024 }): number {
  for (const c of ['ledger_areas', 'ledger_tasks'])
    for (const d of t.cloud.database.all(c))
      t.cloud.database.handle('database.removeDocument', { collectionName: c, query: JSON.stringify({ _id: d._id }), multi: false });
  // One random photo, numbered per file: as incompressible as a real one, without holding 300 MB to write it.
  const photo = randomBytes(size.bytes);
  const at = '2026-10-20T02:00:00.000Z';
  for (let a = 1; a <= size.areas; a++) t.cloud.database.write('ledger_areas', `area-${a}`, { order: a, name: `第${a}大项`, points: 10 });
  for (let i = 0; i < size.tasks; i++) {
    const area = (i % size.areas) + 1;
    const code = `${area}.${Math.floor(i / size.areas) + 1}`;
    const evidence = Array.from({ length: size.files }, (_, j) => {
      photo.writeUInt32BE(i * size.files + j, 0);
      const fileID = t.cloud.storage.put(`uploads/0123456789abcdef/${randomBytes(16).toString('hex')}/photo-${j}.jpg`, photo);
      return { name: `现场照片${j + 1}`, description: '迎查现场', fileID, at, by: 'staff-civil', departmentId: 'civil' };
    });
    t.cloud.database.write('ledger_tasks', `task-${code}`, {
      areaId: `area-${area}`,
      order: area * 1000 + i,
      code,
      content: `考评任务 ${code}`,
      points: 1,
      criteria: '',
      evidenceKind: '档案资料',
      ownerDepartments: ['civil'],
      deadline: '2027-04-30',
      status: 'in_progress',
      evidence,
      urges: [],
      notes: [],
      updatedAt: at,
    });
  }
  return size.tasks * size.files;
}
