import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { casesContract } from '../../../core/contracts/cases';
import { canTransition } from '../../../core/cases/lifecycle';
import { DEPARTMENTS, DISPATCH_DEPARTMENT, departmentById, type DepartmentId } from '../../../core/data/departments';
import { ActionSheet } from '../../components/casework/action-sheet';
import { CaseDetail } from '../../components/casework/case-detail';
import { when } from '../../components/casework/deadline';
import { confirmFirst, useStaffCase, type CaseRef } from '../../components/casework/use-staff-case';
import { ErrorState, errorMessage } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { validate } from '../../lib/validate';
import { addNote, assign, followUp, urge, type StaffCase } from '../../services/cases';
import { isServiceError } from '../../services/service-error';

type SheetKind = 'assign' | 'urge' | 'followUp' | 'note';
interface SheetState {
  kind: SheetKind;
  text: string;
  departmentId: DepartmentId | null;
  satisfied: boolean | null;
  error: string | null;
  busy: boolean;
}

const URGEABLE = ['assigned', 'accepted', 'in_progress'];

/** What the 双拥办 may do with the case now. */
export function dispatcherActions(c: StaffCase) {
  const live = ['assigned', 'accepted', 'in_progress', 'waiting'].includes(c.status);
  return {
    assign: canTransition(c.status, 'assign'),
    /** 分派 when nobody took it (or it came back); 改派 when a department holds it. */
    assignLabel: c.returned || c.departmentId === DISPATCH_DEPARTMENT ? '分派' : '改派',
    urge: URGEABLE.includes(c.status) && c.departmentId !== DISPATCH_DEPARTMENT,
    followUp: c.status === 'resolved' && !c.rating,
    note: live || c.status === 'resolved',
    /** The 双拥办 handles `other` itself, in its own workbench. */
    handleHere: live && c.departmentId === DISPATCH_DEPARTMENT && !c.returned,
  };
}

function DepartmentChoice({
  value,
  exclude,
  onChange,
}: {
  value: DepartmentId | null;
  exclude?: string;
  onChange: (id: DepartmentId) => void;
}) {
  return (
    <View>
      <View className="field__label">交给哪个部门</View>
      <View className="chips" id="assign-departments">
        {DEPARTMENTS.filter((d) => d.id !== exclude).map((d) => (
          <View
            key={d.id}
            className={`chip${value === d.id ? ' chip--on' : ''}`}
            role="radio"
            aria-checked={value === d.id}
            onClick={() => onChange(d.id)}
          >
            {d.shortName}
          </View>
        ))}
      </View>
    </View>
  );
}

function OutcomeChoice({ value, onChange }: { value: boolean | null; onChange: (satisfied: boolean) => void }) {
  const choices = [
    { satisfied: true, label: '满意' },
    { satisfied: false, label: '不满意，重新办理' },
  ];
  return (
    <View>
      <View className="field__label">群众怎么说</View>
      <View className="chips" id="followup-outcome">
        {choices.map((o) => (
          <View
            key={o.label}
            className={`chip${value === o.satisfied ? ' chip--on' : ''}`}
            role="radio"
            aria-checked={value === o.satisfied}
            onClick={() => onChange(o.satisfied)}
          >
            {o.label}
          </View>
        ))}
      </View>
    </View>
  );
}

/** One case for the 双拥办: read it, assign or reassign it, urge it, record the follow-up call. */
export function OfficeCaseView({ caseRef }: { caseRef: CaseRef }) {
  const state = useStaffCase(caseRef);
  const [sheet, setSheet] = useState<SheetState | null>(null);
  const c = state.current;

  if (!c) {
    return (
      <PageShell>
        {state.loaded.status === 'error' ? (
          <ErrorState error={state.loaded.error} onRetry={() => state.loaded.reload()} title="打不开这件求助" />
        ) : (
          <LoadingState />
        )}
      </PageShell>
    );
  }

  const can = dispatcherActions(c);
  const open = (kind: SheetKind) => setSheet({ kind, text: '', departmentId: null, satisfied: null, error: null, busy: false });
  const edit = (patch: Partial<SheetState>) => setSheet((s) => (s ? { ...s, error: null, ...patch } : s));

  /** Checks, asks, sends; the case answered replaces the one shown, with what comes next. */
  const submit = async () => {
    if (!sheet) return;
    const text = sheet.text.trim();
    let ask: { title: string; content: string; confirmText: string; danger?: boolean } | null = null;
    let send: () => Promise<StaffCase>;
    let done: (next: StaffCase) => string;
    let checked: ReturnType<typeof validate>;

    switch (sheet.kind) {
      case 'assign': {
        if (!sheet.departmentId) return edit({ error: '请先选择部门' });
        const departmentId = sheet.departmentId;
        checked = validate(casesContract.assign, { caseId: c.caseId, departmentId, reason: text });
        const name = departmentById(departmentId)?.name ?? departmentId;
        ask = {
          title: `${can.assignLabel}给${name}`,
          content: `这件求助将转给${name}，重新开始计时：1 个工作日内签收。确定吗？`,
          confirmText: can.assignLabel,
        };
        send = () => assign(c.caseId, departmentId, text);
        done = (next) => `已${can.assignLabel}给${next.departmentName}，须在${when(next.signDueAt)}前签收、${when(next.dueAt)}前办结。`;
        break;
      }
      case 'urge':
        checked = validate(casesContract.urge, { caseId: c.caseId, ...(text ? { note: text } : {}) });
        ask = {
          title: '督办',
          content: `${c.departmentName}会收到督办通知，这件事会排到他们待办的最前面。确定督办吗？`,
          confirmText: '督办',
        };
        send = () => urge(c.caseId, text || undefined);
        done = (next) => `已督办。${next.departmentName}的待办里，这件事排在最前面并显示督办意见。`;
        break;
      case 'followUp': {
        if (sheet.satisfied === null) return edit({ error: '请选择回访结果' });
        const satisfied = sheet.satisfied;
        checked = validate(casesContract.followUp, { caseId: c.caseId, satisfied, ...(text ? { note: text } : {}) });
        ask = satisfied
          ? { title: '记录回访', content: '记为满意后，这件求助就结束了。确定吗？', confirmText: '确定' }
          : {
              title: '记录回访',
              content: `记为不满意后，这件求助会交回${c.departmentName}重新办理，并重新计时。确定吗？`,
              confirmText: '重办',
              danger: true,
            };
        send = () => followUp(c.caseId, satisfied, text || undefined);
        done = (next) =>
          satisfied
            ? '已记录回访：满意。这件求助已结束。'
            : `已记录回访：不满意。已交回${next.departmentName}重新办理，须在${when(next.dueAt)}前办结。`;
        break;
      }
      case 'note':
        checked = validate(casesContract.note, { caseId: c.caseId, text });
        send = () => addNote(c.caseId, text);
        done = () => '备注已保存，只有工作人员和双拥办看得到。';
        break;
    }

    if (!checked.ok) return edit({ error: Object.values(checked.errors)[0] ?? '请检查填写的内容' });
    if (ask && !(await confirmFirst(ask.title, ask.content, ask.confirmText, ask.danger))) return;
    edit({ busy: true });
    try {
      const next = await send();
      setSheet(null);
      state.apply(next, done(next));
    } catch (e) {
      edit({ busy: false, error: errorMessage(e) });
      if (isServiceError(e) && e.code === 'CONFLICT') state.refresh();
    }
  };

  const actions = (
    <View className="section" id="case-actions">
      <View className="section__title">双拥办处理</View>
      <View className="card card--padded">
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
        <View className="case-actions">
          {can.assign ? (
            <Button className="btn btn--primary" onClick={() => open('assign')} id="action-assign">
              {can.assignLabel}
            </Button>
          ) : null}
          {can.followUp ? (
            <Button className="btn btn--primary" onClick={() => open('followUp')} id="action-followup">
              记录回访
            </Button>
          ) : null}
          {can.urge ? (
            <Button className="btn btn--danger" onClick={() => open('urge')} id="action-urge">
              督办
            </Button>
          ) : null}
          {can.note ? (
            <Button className="btn btn--plain" onClick={() => open('note')} id="action-note">
              内部备注
            </Button>
          ) : null}
        </View>
      </View>
    </View>
  );

  const sheetProps = sheet
    ? {
        assign: {
          title: `${can.assignLabel}给部门`,
          hint: '选一个部门并写明理由。理由只有工作人员看得到，群众只会看到“已转给某部门办理”。',
          label: `${can.assignLabel}理由`,
          placeholder: '例如：孩子转学问题，应由教育局办理',
          maxLength: 200,
          submitLabel: `确认${can.assignLabel}`,
        },
        urge: {
          title: `督办${c.departmentName}`,
          hint: '督办意见会通知承办部门，并显示在他们待办的最前面。不写就用“已超过办理时限，请尽快办理”。',
          label: '督办意见',
          placeholder: '例如：群众多次来电，请今天内联系并答复',
          maxLength: 200,
          submitLabel: '确认督办',
          optional: true,
        },
        followUp: {
          title: '记录回访结果',
          hint: `请打电话问群众对办理结果是否满意。${c.contactUnmasked ? '' : '完整手机号只对承办部门显示，请向承办部门要号码。'}`,
          label: '回访记录',
          placeholder: '例如：家长说孩子已入学，很满意',
          maxLength: 200,
          submitLabel: '保存回访',
          optional: true,
        },
        note: {
          title: '内部备注',
          hint: '只有工作人员和双拥办看得到，群众看不到。',
          label: '备注',
          placeholder: '例如：已电话提醒教育局',
          maxLength: 500,
          submitLabel: '保存备注',
        },
      }[sheet.kind]
    : null;

  return (
    <PageShell>
      <CaseDetail c={c} notice={state.notice} actions={actions} />
      {sheet && sheetProps ? (
        <ActionSheet
          id={`sheet-${sheet.kind}`}
          {...sheetProps}
          value={sheet.text}
          onChange={(text) => edit({ text })}
          error={sheet.error}
          busy={sheet.busy}
          onSubmit={() => void submit()}
          onCancel={() => setSheet(null)}
        >
          {sheet.kind === 'assign' ? (
            <DepartmentChoice
              value={sheet.departmentId}
              exclude={c.returned ? undefined : c.departmentId}
              onChange={(departmentId) => edit({ departmentId })}
            />
          ) : null}
          {sheet.kind === 'followUp' ? <OutcomeChoice value={sheet.satisfied} onChange={(satisfied) => edit({ satisfied })} /> : null}
        </ActionSheet>
      ) : null}
    </PageShell>
  );
}
