import type { MetaData } from '../../core/contracts/meta';
import type { CalendarOverrides, SettingEdit } from '../../core/meta/model';
import type { MetaPort } from '../../core/meta/port';
import type { RoutingRule } from '../../core/routing';
import { countOf, db, firstRow } from '../_lib/cloud';
import { readOwnUpload, saveGeneratedFile } from '../_lib/files';
import { forgetCalendarOverrides, forgetOrganization, forgetRoutingTable, loadRetentionYears, loadRoutingTable } from '../_lib/settings';

// Heavy (exceljs, pinyin-pro): loaded only for the county workbook.
const countyXlsx = () => import('../../core/server/county-xlsx');

/**
 * wx-server-sdk adapter for the meta use cases. The admins' settings: the routing table (`routing`), the
 * working calendar's corrections and the retention period (`settings`). Every submission reads the first
 * two through a short per-instance cache (cloudfunctions/_lib/settings.ts); a save here empties this
 * instance's copy at once.
 */
export function metaStore(): MetaPort {
  const settings = db().collection('settings');
  const stamp = ({ at, by }: SettingEdit) => ({ updatedAt: at.toISOString(), updatedBy: by });
  return {
    routingTable: loadRoutingTable,
    async saveRouting(rules: RoutingRule[], edit: SettingEdit): Promise<void> {
      await db()
        .collection('routing')
        .doc('table')
        .set({ data: { rules, ...stamp(edit) } });
      forgetRoutingTable();
    },
    // Read past the cache: the admin sees exactly what was saved.
    async calendarOverrides(): Promise<CalendarOverrides> {
      return (await firstRow<{ overrides?: CalendarOverrides }>(settings.where({ _id: 'calendar' }).limit(1)))?.overrides ?? {};
    },
    async saveCalendar(overrides: CalendarOverrides, edit: SettingEdit): Promise<void> {
      await settings.doc('calendar').set({ data: { overrides, ...stamp(edit) } });
      forgetCalendarOverrides();
    },
    async hasOfficialHolidays(year: number): Promise<boolean> {
      // Loaded on first use: the holiday tables are not worth a cold start of every meta call.
      const { WorkingCalendar } = await import('../../core/server/working-calendar');
      return new WorkingCalendar().hasData(year);
    },
    retentionYears: loadRetentionYears,
    async saveRetention(closedCaseYears: number, edit: SettingEdit): Promise<void> {
      await settings.doc('retention').set({ data: { closedCaseYears, ...stamp(edit) } });
    },
    notificationTemplates: (): MetaData['notifications'] => ({
      caseUpdate: process.env.TEMPLATE_CASE_UPDATE ?? 'case_update',
      caseNew: process.env.TEMPLATE_CASE_NEW ?? 'case_new',
      // Set to 1 only when TEMPLATE_CASE_NEW is a long-term template approved for the account (docs/deploy.md).
      caseNewLongTerm: process.env.TEMPLATE_CASE_NEW_LONG_TERM === '1',
      fairUpdate: process.env.TEMPLATE_FAIR_UPDATE ?? 'fair_update',
      activityUpdate: process.env.TEMPLATE_ACTIVITY_UPDATE ?? 'activity_update',
    }),

    async readCounty(openid, fileID) {
      const content = await readOwnUpload(openid, fileID, 'fileID');
      return (await countyXlsx()).readCountyWorkbook(content);
    },
    async saveCountyFile(openid, org, at) {
      const content = await (await countyXlsx()).countyWorkbook(org);
      return saveGeneratedFile(openid, content, '县情表-成员单位-乡镇街道-服务站.xlsx', at);
    },
    orgIds: async () => (await countyXlsx()).pinyinIds(),
    // Validated whole before this is called: the writes are each a whole document, so a retry completes them.
    async storeOrganization({ units, regions, dispatchUnitId }, edit) {
      const write = (collection: string, { id, ...fields }: { id: string }) =>
        db()
          .collection(collection)
          .doc(id)
          .set({ data: { ...fields, ...stamp(edit) } });
      await Promise.all([...regions.map((r) => write('regions', r)), ...units.map((u) => write('units', u))]);
      if (dispatchUnitId !== undefined) await settings.doc('org').set({ data: { dispatchUnitId, ...stamp(edit) } });
      forgetOrganization();
    },
    async unitReferences(id) {
      const d = db();
      const [cases, tasks, problems, fairs, staff, rules] = await Promise.all([
        countOf(d.collection('cases').where({ departmentsHeld: id })),
        countOf(d.collection('ledger_tasks').where({ ownerDepartments: id })),
        countOf(d.collection('ledger_problems').where({ ownerDepartmentId: id })),
        countOf(d.collection('fairs').where({ organizerDepartmentId: id })),
        countOf(d.collection('users').where({ departmentId: id })),
        loadRoutingTable().then((table) => table.filter((r) => r.departmentId === id).length),
      ]);
      return { 件求助: cases, 项创建任务: tasks, 条检视问题: problems, 场招聘会: fairs, 位工作人员: staff, 条路由规则: rules };
    },
    async regionReferences(id) {
      const d = db();
      const [units, cases, places, activities, residents, rules] = await Promise.all([
        countOf(d.collection('units').where({ regionId: id })),
        countOf(d.collection('cases').where({ regionId: id })),
        countOf(d.collection('places').where({ regionId: id })),
        countOf(d.collection('activities').where({ regionId: id })),
        countOf(d.collection('users').where({ 'profile.regionId': id })),
        loadRoutingTable().then((table) => table.filter((r) => r.regionId === id).length),
      ]);
      return { 个单位或服务站: units, 件求助: cases, 个地点: places, 场志愿活动: activities, 位群众: residents, 条路由规则: rules };
    },
    async removeUnit(id) {
      await db().collection('units').doc(id).remove();
      forgetOrganization();
    },
    async removeRegion(id) {
      await db().collection('regions').doc(id).remove();
      forgetOrganization();
    },
  };
}
