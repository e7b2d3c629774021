import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { casesContract } from '../../../core/contracts/cases';
import { canTransition } from '../../../core/cases/lifecycle';
import { activeUnits, unitName, type Organization } from '../../../core/org/model';
import { CaseDeskView } from '../../components/casework/case-desk-view';
import { when } from '../../components/casework/deadline';
import { firstError, offered, type Desk, type SheetAction } from '../../components/casework/desk';
import type { CaseRef } from '../../components/casework/use-staff-case';
import { useAsync } from '../../lib/use-async';
import { validate } from '../../lib/validate';
import { addNote, assign, followUp, urge, type StaffCase } from '../../services/cases';
import { getMe } from '../../services/users';

const URGEABLE = ['assigned', 'accepted', 'in_progress'];

/** What the 双拥办 may do with the case now; `org` says which unit dispatches. */
export function dispatcherActions(c: StaffCase, org: Organization) {
  const atDispatch = c.departmentId === org.dispatchUnitId;
  const live = ['assigned', 'accepted', 'in_progress', 'waiting'].includes(c.status);
  return {
    assign: canTransition(c.status, 'assign'),
    /** 分派 when nobody took it (or it came back); 改派 when a department holds it. */
    assignLabel: c.returned || atDispatch ? '分派' : '改派',
    urge: URGEABLE.includes(c.status) && !atDispatch,
    followUp: c.status === 'resolved' && !c.rating,
    note: live || c.status === 'resolved',
    /** The 双拥办 handles `other` itself, in its own workbench. */
    handleHere: live && atDispatch && !c.returned,
  };
}

type Button = Pick<SheetAction, 'id' | 'label' | 'tone'>;

/** Offered to assign to: every unit that takes new work (stations too), but the one holding the case. */
function assignAction(c: StaffCase, org: Organization, verb: string): SheetAction {
  const exclude = c.returned ? undefined : c.departmentId;
  return {
    kind: 'sheet',
    sheet: 'assign',
    id: 'action-assign',
    label: verb,
    tone: 'primary',
    title: `${verb}给部门`,
    hint: '选一个部门并写明理由。理由只有工作人员看得到，群众只会看到“已转给某部门办理”。',
    fieldLabel: `${verb}理由`,
    placeholder: '例如：孩子转学问题，应由教育局办理',
    maxLength: 200,
    submitLabel: `确认${verb}`,
    choice: {
      id: 'assign-departments',
      label: '交给哪个部门',
      choices: activeUnits(org)
        .filter((u) => u.id !== exclude)
        .map((u) => ({ value: u.id, label: u.shortName })),
      missing: '请先选择部门',
    },
    prepare: (text, choice) => {
      const departmentId = choice ?? '';
      const reason = text.trim();
      const checked = validate(casesContract.assign, { caseId: c.caseId, departmentId, reason });
      if (!checked.ok) return { error: firstError(checked.errors) };
      const name = unitName(org, departmentId);
      return {
        ask: { title: `${verb}给${name}`, content: `这件求助将转给${name}，重新开始计时：1 个工作日内签收。确定吗？`, confirmText: verb },
        send: () => assign(c.caseId, departmentId, reason),
        done: (next) => `已${verb}给${next.departmentName}，须在${when(next.signDueAt)}前签收、${when(next.dueAt)}前办结。`,
      };
    },
  };
}

function urgeAction(c: StaffCase): SheetAction {
  return {
    kind: 'sheet',
    sheet: 'urge',
    id: 'action-urge',
    label: '督办',
    tone: 'danger',
    title: `督办${c.departmentName}`,
    hint: '督办意见会通知承办部门，并显示在他们待办的最前面。不写就用“已超过办理时限，请尽快办理”。',
    fieldLabel: '督办意见',
    placeholder: '例如：群众多次来电，请今天内联系并答复',
    maxLength: 200,
    submitLabel: '确认督办',
    optional: true,
    prepare: (text) => {
      const note = text.trim();
      const checked = validate(casesContract.urge, { caseId: c.caseId, ...(note ? { note } : {}) });
      if (!checked.ok) return { error: firstError(checked.errors) };
      return {
        ask: {
          title: '督办',
          content: `${c.departmentName}会收到督办通知，这件事会排到他们待办的最前面。确定督办吗？`,
          confirmText: '督办',
        },
        send: () => urge(c.caseId, note || undefined),
        done: (next) => `已督办。${next.departmentName}的待办里，这件事排在最前面并显示督办意见。`,
      };
    },
  };
}

function followUpAction(c: StaffCase): SheetAction {
  return {
    kind: 'sheet',
    sheet: 'followUp',
    id: 'action-followup',
    label: '记录回访',
    tone: 'primary',
    title: '记录回访结果',
    hint: `请打电话问群众对办理结果是否满意。${c.contactUnmasked ? '' : '完整手机号只对承办部门显示，请向承办部门要号码。'}`,
    fieldLabel: '回访记录',
    placeholder: '例如：家长说孩子已入学，很满意',
    maxLength: 200,
    submitLabel: '保存回访',
    optional: true,
    choice: {
      id: 'followup-outcome',
      label: '群众怎么说',
      choices: [
        { value: 'satisfied', label: '满意' },
        { value: 'unsatisfied', label: '不满意，重新办理' },
      ],
      missing: '请选择回访结果',
    },
    prepare: (text, choice) => {
      const satisfied = choice === 'satisfied';
      const note = text.trim();
      const checked = validate(casesContract.followUp, { caseId: c.caseId, satisfied, ...(note ? { note } : {}) });
      if (!checked.ok) return { error: firstError(checked.errors) };
      return {
        ask: satisfied
          ? { title: '记录回访', content: '记为满意后，这件求助就结束了。确定吗？', confirmText: '确定' }
          : {
              title: '记录回访',
              content: `记为不满意后，这件求助会交回${c.departmentName}重新办理，并重新计时。确定吗？`,
              confirmText: '重办',
              danger: true,
            },
        send: () => followUp(c.caseId, satisfied, note || undefined),
        done: (next) =>
          satisfied
            ? '已记录回访：满意。这件求助已结束。'
            : `已记录回访：不满意。已交回${next.departmentName}重新办理，须在${when(next.dueAt)}前办结。`,
      };
    },
  };
}

function noteAction(c: StaffCase, button: Button): SheetAction {
  return {
    kind: 'sheet',
    sheet: 'note',
    ...button,
    title: '内部备注',
    hint: '只有工作人员和双拥办看得到，群众看不到。',
    fieldLabel: '备注',
    placeholder: '例如：已电话提醒教育局',
    maxLength: 500,
    submitLabel: '保存备注',
    prepare: (text) => {
      const note = text.trim();
      const checked = validate(casesContract.note, { caseId: c.caseId, text: note });
      if (!checked.ok) return { error: firstError(checked.errors) };
      return { ask: null, send: () => addNote(c.caseId, note), done: () => '备注已保存，只有工作人员和双拥办看得到。' };
    },
  };
}

/** The 双拥办's desk: assign or reassign a case, urge it, record the follow-up call, note. */
export const officeDesk: Desk = {
  title: '双拥办处理',
  hint: (c, org) => {
    const can = dispatcherActions(c, org);
    return (
      <>
        {can.handleHere ? (
          <View className="case-actions__hint">
            这件求助在双拥办。可以分派给部门；如果由双拥办自己办理，请到
            <View
              className="link"
              style={{ display: 'inline' }}
              onClick={() => void Taro.navigateTo({ url: `/subpackages/workbench/case?id=${c.caseId}` })}
            >
              工作台
            </View>
            签收办理。
          </View>
        ) : null}
        {!can.assign && !can.urge && !can.followUp && !can.note ? (
          <View className="case-actions__hint">这件求助已经结束，不需要再处理。</View>
        ) : null}
      </>
    );
  },
  actions: (c, org) => {
    const can = dispatcherActions(c, org);
    return offered([
      can.assign ? assignAction(c, org, can.assignLabel) : null,
      can.followUp ? followUpAction(c) : null,
      can.urge ? urgeAction(c) : null,
      can.note ? noteAction(c, { id: 'action-note', label: '内部备注', tone: 'plain' }) : null,
    ]);
  },
};

/** A county leader reads every case as the 双拥办 does (the phone masked) and acts on none of them. */
export const readerDesk: Desk = {
  title: '双拥办处理',
  hint: () => <View className="case-actions__hint">您是只读身份：可以查看这件求助和办理经过，分派、督办和回访由双拥办办理。</View>,
  actions: () => [],
};

/** While the caller is not known yet: no button, so a leader never sees one. */
const pendingDesk: Desk = { title: '双拥办处理', hint: () => null, actions: () => [] };

/** One case for the 双拥办: read it, assign or reassign it, urge it, record the follow-up call. */
export function OfficeCaseView({ caseRef }: { caseRef: CaseRef }) {
  const me = useAsync(getMe);
  // Who cannot be told (users.me failed) gets the 双拥办's buttons: the cloud refuses what they may not do.
  const desk = me.status === 'loading' ? pendingDesk : me.data?.role === 'leader' ? readerDesk : officeDesk;
  return <CaseDeskView caseRef={caseRef} desk={desk} />;
}
