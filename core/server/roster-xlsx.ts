import type { Workbook } from 'exceljs';
import type { FairRecord } from '../fairs/model';
import { rosterPhone } from '../fairs/present';
import type { SignupRecord } from '../signups/port';
import { formatChina } from '../time';

const STATUS = { pending: '处理中', confirmed: '已报名', waitlisted: '候补', cancelled: '已取消', checkedIn: '已签到' } as const;
const OUTCOME = { intent: '有意向', hired: '已录用', none: '未达成' } as const;

/** The organizer's roster: everyone who signed up, with status, check-in, interests and outcome. */
export async function rosterWorkbook(fair: FairRecord, signups: SignupRecord[]): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- heavy: loaded only when a roster is exported
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('报名名单');
  const positions = new Map(fair.employers.flatMap((e) => e.positions.map((p) => [p.id, `${e.name}·${p.title}`] as const)));
  sheet.addRow([`${fair.title}（${formatChina(new Date(fair.startAt)).slice(0, 10)}，${fair.venue.name}）报名名单`]).font = {
    bold: true,
    size: 14,
  };
  sheet.mergeCells(1, 1, 1, 8);
  const header = sheet.addRow(['序号', '姓名', '手机号', '状态', '候补顺序', '意向岗位', '签到时间', '结果']);
  header.font = { bold: true };
  signups.forEach((s, i) => {
    const position = s.status === 'waitlisted' ? fair.waitQueue.indexOf(s._id) + 1 : '';
    sheet.addRow([
      i + 1,
      s.name,
      rosterPhone(s),
      STATUS[s.status],
      position || '',
      s.interests.map((p) => positions.get(p) ?? p).join('；'),
      s.checkedInAt ? formatChina(new Date(s.checkedInAt)) : '',
      s.outcome ? OUTCOME[s.outcome] : '',
    ]);
  });
  sheet.columns.forEach((c, i) => (c.width = [6, 10, 14, 8, 8, 36, 24, 8][i] ?? 12));
  return Buffer.from(await book.xlsx.writeBuffer());
}
