import { sampleAreas } from '../../core/ledger/sample-standard';
import type { LocalDatabase } from '../engine/database';
import { DEMO_ORGANIZATION } from './org';

/** The sample standard (labelled as a sample), so the ledger has something to show on a fresh host. */
export function seedLedger(db: LocalDatabase, now: Date): void {
  const at = now.toISOString();
  sampleAreas(DEMO_ORGANIZATION).forEach((area, i) => {
    const areaId = `area-${i + 1}`;
    db.write('ledger_areas', areaId, { order: i + 1, name: area.name, points: area.points });
    area.tasks.forEach((t, j) => {
      db.write('ledger_tasks', `task-${t.code}`, {
        ...t,
        areaId,
        order: (i + 1) * 100 + j,
        status: 'not_started',
        evidence: [],
        urges: [],
        notes: [],
        updatedAt: at,
      });
    });
  });
}
