import { sampleStandard } from '../../core/ledger/sample-standard';
import { AREA_ORDER_STEP } from '../../core/ledger/standard-import';
import { defaultMilestones } from '../../core/ledger/milestones';
import { chinaDay } from '../../core/time';
import type { LocalDatabase } from '../engine/database';
import { DEMO_ORGANIZATION } from './org';

/**
 * The sample standard (labelled as a sample: ten areas, 78 rows, the 各乡镇（街道） row one task per
 * station), so the ledger has something to show on a fresh host. Task ids are `task-<序号>`.
 */
export function seedLedger(db: LocalDatabase, now: Date): void {
  const at = now.toISOString();
  // Before the 双拥办 sets its own, the campaign ends at the default 迎查准备 milestone.
  const campaignEnd = defaultMilestones(chinaDay(now)).at(-1)?.date as string;
  sampleStandard(DEMO_ORGANIZATION, campaignEnd).areas.forEach((area, i) => {
    const areaId = `area-${i + 1}`;
    db.write('ledger_areas', areaId, { order: i + 1, name: area.name, points: area.points });
    area.tasks.forEach((t, j) => {
      db.write('ledger_tasks', `task-${t.code}`, {
        ...t,
        areaId,
        order: (i + 1) * AREA_ORDER_STEP + j,
        status: 'not_started',
        evidence: [],
        urges: [],
        notes: [],
        updatedAt: at,
      });
    });
  });
}
