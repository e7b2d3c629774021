import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { casesContract } from '../../../core/contracts/cases';
import { canTransition } from '../../../core/cases/lifecycle';
import { OPEN_STATUSES } from '../../../core/cases/model';
import { activeUnits, isStation, unitName, type Organization } from '../../../core/org/model';
import { CaseDeskView } from '../../components/casework/case-desk-view';
import { when } from '../../components/casework/deadline';
import { firstError, offered, type Ask, type Desk, type DeskAction, type SheetAction } from '../../components/casework/desk';
import type { CaseRef } from '../../components/casework/use-staff-case';
import { useAsync } from '../../lib/use-async';
import { validate } from '../../lib/validate';
import {
  accept,
  addNote,
  escalate,
  reply,
  requestInfo,
  resolve,
  returnToDispatcher,
  setHandler,
  type StaffCase,
} from '../../services/cases';
import { colleagues } from '../../services/users';
import { FormerHolderCaseView, isFormerHolderCase } from './former-holder';
import { TemplatePicker } from './template-picker';

type SheetKind = 'reply' | 'requestInfo' | 'resolve' | 'return' | 'note';

/** A sheet's words and what it sends; the contract checks the text under its field's name. */
interface SheetSpec extends Pick<SheetAction, 'title' | 'fieldLabel' | 'hint' | 'placeholder' | 'submitLabel' | 'maxLength' | 'danger'> {
  schema: (typeof casesContract)[SheetKind];
  field: string;
  /** Asked before sending; null sends at once (an internal note changes nothing for the requester). */
  confirm: ((c: StaffCase) => Ask) | null;
  send: (caseId: string, text: string) => Promise<StaffCase>;
  /** What happened and what comes next. */
  done: (c: StaffCase) => string;
}

const SHEETS: Record<SheetKind, SheetSpec> = {
  reply: {
    title: '答复群众',
    fieldLabel: '答复内容',
    hint: '答复会发给群众，并记入办理经过。答复后事情还没完，办好后请再点「办结」。',
    placeholder: '用群众听得懂的话写清楚：怎么办、找谁、什么时候',
    submitLabel: '发送答复',
    maxLength: 500,
    schema: casesContract.reply,
    field: 'text',
    confirm: () => ({ title: '发送答复', content: '答复会马上发给群众，发出后不能撤回。确定发送吗？', confirmText: '发送' }),
    send: reply,
    done: (c) => `答复已发给群众。请在${when(c.dueAt)}前办结。`,
  },
  requestInfo: {
    title: '要求补充材料',
    fieldLabel: '需要群众补充什么',
    hint: '发出后办理时限暂停，等群众补充；群众补充后会通知您，时限接着计算。',
    placeholder: '例如：请补充孩子的户口本首页和入学申请表照片',
    submitLabel: '发给群众',
    maxLength: 500,
    schema: casesContract.requestInfo,
    field: 'text',
    confirm: () => ({ title: '要求补充材料', content: '发出后这件事暂停计时，等群众补充。确定发出吗？', confirmText: '发出' }),
    send: requestInfo,
    done: () => '已请群众补充材料，办理时限已暂停。群众补充后会通知您。',
  },
  resolve: {
    title: '办结',
    fieldLabel: '办结情况',
    hint: '写清楚是怎么解决的。办结后群众会收到通知并评价；如果群众说没解决，会重新交给您办理。',
    placeholder: '例如：已协调城关小学，孩子 9 月 1 日入学',
    submitLabel: '确认办结',
    maxLength: 500,
    schema: casesContract.resolve,
    field: 'summary',
    confirm: (c) => ({
      title: '确认办结',
      content: `办结后不能再答复或要求补充材料。${c.sla === 'red' ? '这件事已超期，办结会记为超期办结。' : ''}确定办结吗？`,
      confirmText: '办结',
    }),
    send: (caseId, summary) => resolve(caseId, summary),
    done: () => '已办结，群众会收到通知并评价。两个工作日没有评价的，双拥办会电话回访。',
  },
  return: {
    title: '退回双拥办',
    fieldLabel: '退回原因',
    hint: '不归本部门办理的事项，在答复之前可以退回，由双拥办改派给合适的部门。',
    placeholder: '例如：这是孩子的医保报销问题，应由医保局办理',
    submitLabel: '确认退回',
    maxLength: 200,
    danger: true,
    schema: casesContract.return,
    field: 'reason',
    confirm: () => ({
      title: '退回双拥办',
      content: '退回后这件事不再由本部门办理，双拥办会改派。确定退回吗？',
      confirmText: '退回',
      danger: true,
    }),
    send: (caseId, reason) => returnToDispatcher(caseId, reason),
    done: () => '已退回双拥办，他们会改派给合适的部门。',
  },
  note: {
    title: '内部备注',
    fieldLabel: '备注',
    hint: '只有工作人员和双拥办看得到，群众看不到。适合记下电话沟通、内部协调的情况。',
    placeholder: '例如：已电话联系，家长下午来送材料',
    submitLabel: '保存备注',
    maxLength: 500,
    confirm: null,
    schema: casesContract.note,
    field: 'text',
    send: addNote,
    done: () => '备注已保存，只有工作人员和双拥办看得到。',
  },
};

/** What this clerk may do with the case now, and a line when there is nothing to do. */
export function allowedActions(c: StaffCase, org: Organization) {
  const handling = c.contactUnmasked;
  const open = ['assigned', 'accepted', 'in_progress', 'waiting', 'resolved'].includes(c.status);
  return {
    accept: handling && canTransition(c.status, 'accept'),
    reply: handling && canTransition(c.status, 'reply'),
    requestInfo: handling && canTransition(c.status, 'requestInfo'),
    resolve: handling && canTransition(c.status, 'resolve'),
    return: handling && canTransition(c.status, 'return') && c.departmentId !== org.dispatchUnitId,
    /** A 乡镇 station holding the case hands it to a county unit (上报) while it is still open. */
    escalate: handling && isStation(org, c.departmentId) && canTransition(c.status, 'assign'),
    /** The holding unit names who of its staff handles it (承办人). */
    setHandler: handling && OPEN_STATUSES.includes(c.status),
    note: open,
    why: !handling
      ? `这件求助现在由${c.departmentName}办理，您可以查看和写内部备注。`
      : c.status === 'waiting'
        ? '正在等群众补充材料，办理时限暂停。群众补充后会通知您。'
        : c.status === 'resolved'
          ? '已办结，等群众评价。'
          : c.status === 'closed'
            ? '这件求助已经结束。'
            : c.status === 'withdrawn'
              ? '群众已撤回这件求助。'
              : null,
  };
}

function sheetAction(c: StaffCase, kind: SheetKind, button: Pick<SheetAction, 'id' | 'label' | 'tone'>): SheetAction {
  const { schema, field, confirm, send, done, ...words } = SHEETS[kind];
  return {
    kind: 'sheet',
    sheet: kind,
    ...button,
    ...words,
    extra: kind === 'reply' ? (fill) => <TemplatePicker category={c.category} onPick={fill} /> : undefined,
    prepare: (text) => {
      const checked = validate(schema, { caseId: c.caseId, [field]: text });
      if (!checked.ok) return { error: firstError(checked.errors, field) };
      return { ask: confirm?.(c) ?? null, send: () => send(c.caseId, text.trim()), done };
    },
  };
}

const signFor = (c: StaffCase): DeskAction => ({
  kind: 'step',
  id: 'action-accept',
  label: '签收',
  busyLabel: '正在签收…',
  failTitle: '没能签收',
  tone: 'primary',
  prepare: () => ({
    ask: { title: '签收', content: `签收后请在${when(c.dueAt)}前办结。群众会收到“已签收”的通知。确定签收吗？`, confirmText: '签收' },
    send: () => accept(c.caseId),
    done: (next) => `已签收。请在${when(next.dueAt)}前办结，群众已收到签收通知。`,
  }),
});

/** Offered to escalate to: every county unit that takes new work (no station hands a case to another). */
const escalationTargets = (org: Organization) => activeUnits(org).filter((u) => u.kind !== 'station');

/** 上报县级部门: a station holding a case it cannot settle hands it on with its reason; the deadline starts again. */
function escalateAction(c: StaffCase, org: Organization): SheetAction {
  return {
    kind: 'sheet',
    sheet: 'escalate',
    id: 'action-escalate',
    label: '上报县级部门',
    tone: 'ghost',
    title: '上报县级部门',
    hint: '服务站办不了的，选一个县级单位并写明理由。理由只有工作人员看得到；群众会收到“已转给某单位办理”的通知。',
    fieldLabel: '上报理由',
    placeholder: '例如：需要民政局审批临时救助，服务站已核实家庭情况',
    maxLength: 200,
    submitLabel: '确认上报',
    choice: {
      id: 'escalate-departments',
      label: '上报给哪个单位',
      choices: escalationTargets(org).map((u) => ({ value: u.id, label: u.shortName })),
      missing: '请先选择县级单位',
    },
    prepare: (text, choice) => {
      const departmentId = choice ?? '';
      const reason = text.trim();
      const checked = validate(casesContract.escalate, { caseId: c.caseId, departmentId, reason });
      if (!checked.ok) return { error: firstError(checked.errors, 'reason') };
      const name = unitName(org, departmentId);
      return {
        ask: {
          title: `上报给${name}`,
          content: `这件求助将交给${name}办理，从现在起重新计时：1 个工作日内签收。上报后服务站不再办理它。确定上报吗？`,
          confirmText: '上报',
        },
        send: () => escalate(c.caseId, departmentId, reason),
        done: (next) => `已上报${next.departmentName}，须在${when(next.signDueAt)}前签收、${when(next.dueAt)}前办结。`,
      };
    },
  };
}

/** A colleague who may handle cases, as `users.colleagues` lists them. */
export interface Colleague {
  openid: string;
  name: string;
}

/** 指定承办人: one of the unit's staff handles the case; they are told, and the inbox shows their name. */
function handlerAction(c: StaffCase, team: readonly Colleague[]): SheetAction {
  const verb = c.handler ? '更换承办人' : '指定承办人';
  return {
    kind: 'sheet',
    sheet: 'handler',
    id: 'action-handler',
    label: verb,
    tone: 'plain',
    title: verb,
    hint: c.handler
      ? `现在由${c.handler.name}承办。选另一位同事，他会收到“这件求助由您承办”的提醒。`
      : '选本单位的一位同事承办这件求助，他会收到“这件求助由您承办”的提醒。',
    fieldLabel: '',
    placeholder: '',
    maxLength: 0,
    textless: true,
    submitLabel: '确定',
    choice: {
      id: 'handler-colleagues',
      label: '由谁承办',
      choices: team.filter((p) => p.openid !== c.handler?.openid).map((p) => ({ value: p.openid, label: p.name })),
      missing: '请先选一位同事',
    },
    prepare: (_text, choice) => {
      const checked = validate(casesContract.setHandler, { caseId: c.caseId, openid: choice ?? '' });
      if (!checked.ok) return { error: firstError(checked.errors, 'openid') };
      const name = team.find((p) => p.openid === choice)?.name ?? '';
      return {
        ask: null,
        send: () => setHandler(c.caseId, checked.data.openid),
        done: (next) => `已由${next.handler?.name ?? name}承办，他会收到提醒。`,
      };
    },
  };
}

/**
 * The department's desk: sign for a case, answer, ask for more, resolve, send it back (a station: escalate
 * it), name who handles it, note. `team` is the unit's staff to name as 承办人; null until they are read.
 */
export function departmentDesk(team: readonly Colleague[] | null): Desk {
  return {
    title: '办理',
    hint: (c, org) => {
      const why = allowedActions(c, org).why;
      return why ? <View className="case-actions__hint">{why}</View> : null;
    },
    actions: (c, org) => {
      const can = allowedActions(c, org);
      // Offered while there is someone to name who is not the 承办人 already.
      const others = team?.filter((p) => p.openid !== c.handler?.openid) ?? [];
      return offered([
        can.accept ? signFor(c) : null,
        can.resolve ? sheetAction(c, 'resolve', { id: 'action-resolve', label: '办结', tone: 'primary' }) : null,
        can.reply ? sheetAction(c, 'reply', { id: 'action-reply', label: '答复', tone: 'ghost' }) : null,
        can.requestInfo ? sheetAction(c, 'requestInfo', { id: 'action-request-info', label: '要求补充材料', tone: 'ghost' }) : null,
        can.escalate ? escalateAction(c, org) : null,
        can.return ? sheetAction(c, 'return', { id: 'action-return', label: '退回双拥办', tone: 'danger' }) : null,
        can.setHandler && team && others.length > 0 ? handlerAction(c, team) : null,
        can.note ? sheetAction(c, 'note', { id: 'action-note', label: '内部备注', tone: 'plain' }) : null,
      ]);
    },
    // A case that has left this department: only what the department wrote, and nothing to act on.
    instead: (c) => (isFormerHolderCase(c) ? <FormerHolderCaseView c={c} /> : null),
  };
}

/** One case for the department handling it: read it, call the person, and act on it. */
export function StaffCaseView({ caseRef }: { caseRef: CaseRef }) {
  // The unit's staff, to name a 承办人; without them (still reading, or refused) that one button waits.
  const team = useAsync(colleagues);
  const items = team.data?.items ?? null;
  const desk = useMemo(() => departmentDesk(items), [items]);
  return <CaseDeskView caseRef={caseRef} desk={desk} />;
}
