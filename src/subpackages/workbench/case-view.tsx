import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { casesContract } from '../../../core/contracts/cases';
import { canTransition } from '../../../core/cases/lifecycle';
import { DISPATCH_DEPARTMENT } from '../../../core/data/departments';
import { ActionSheet } from '../../components/casework/action-sheet';
import { CaseDetail } from '../../components/casework/case-detail';
import { when } from '../../components/casework/deadline';
import { confirmFirst, useStaffCase, type CaseRef } from '../../components/casework/use-staff-case';
import { ErrorState, errorMessage } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { validate } from '../../lib/validate';
import { accept, addNote, reply, requestInfo, resolve, returnToDispatcher, type StaffCase } from '../../services/cases';
import { isServiceError } from '../../services/service-error';
import { FormerHolderCaseView, isFormerHolderCase } from './former-holder';
import { TemplatePicker } from './template-picker';

type SheetKind = 'reply' | 'requestInfo' | 'resolve' | 'return' | 'note';

interface SheetSpec {
  title: string;
  label: string;
  hint: string;
  placeholder: string;
  submitLabel: string;
  maxLength: number;
  danger?: boolean;
  /** Asked before sending; null sends at once (an internal note changes nothing for the requester). */
  confirm: ((c: StaffCase) => { title: string; content: string; confirmText: string }) | null;
  send: (caseId: string, text: string) => Promise<StaffCase>;
  /** What happened and what comes next. */
  done: (c: StaffCase) => string;
}

const SHEETS: Record<SheetKind, SheetSpec> = {
  reply: {
    title: '答复群众',
    label: '答复内容',
    hint: '答复会发给群众，并记入办理经过。答复后事情还没完，办好后请再点「办结」。',
    placeholder: '用群众听得懂的话写清楚：怎么办、找谁、什么时候',
    submitLabel: '发送答复',
    maxLength: 500,
    confirm: () => ({ title: '发送答复', content: '答复会马上发给群众，发出后不能撤回。确定发送吗？', confirmText: '发送' }),
    send: reply,
    done: (c) => `答复已发给群众。请在${when(c.dueAt)}前办结。`,
  },
  requestInfo: {
    title: '要求补充材料',
    label: '需要群众补充什么',
    hint: '发出后办理时限暂停，等群众补充；群众补充后会通知您，时限接着计算。',
    placeholder: '例如：请补充孩子的户口本首页和入学申请表照片',
    submitLabel: '发给群众',
    maxLength: 500,
    confirm: () => ({ title: '要求补充材料', content: '发出后这件事暂停计时，等群众补充。确定发出吗？', confirmText: '发出' }),
    send: requestInfo,
    done: () => '已请群众补充材料，办理时限已暂停。群众补充后会通知您。',
  },
  resolve: {
    title: '办结',
    label: '办结情况',
    hint: '写清楚是怎么解决的。办结后群众会收到通知并评价；如果群众说没解决，会重新交给您办理。',
    placeholder: '例如：已协调城关小学，孩子 9 月 1 日入学',
    submitLabel: '确认办结',
    maxLength: 500,
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
    label: '退回原因',
    hint: '不归本部门办理的事项，在答复之前可以退回，由双拥办改派给合适的部门。',
    placeholder: '例如：这是孩子的医保报销问题，应由医保局办理',
    submitLabel: '确认退回',
    maxLength: 200,
    danger: true,
    confirm: () => ({ title: '退回双拥办', content: '退回后这件事不再由本部门办理，双拥办会改派。确定退回吗？', confirmText: '退回' }),
    send: (caseId, reason) => returnToDispatcher(caseId, reason),
    done: () => '已退回双拥办，他们会改派给合适的部门。',
  },
  note: {
    title: '内部备注',
    label: '备注',
    hint: '只有工作人员和双拥办看得到，群众看不到。适合记下电话沟通、内部协调的情况。',
    placeholder: '例如：已电话联系，家长下午来送材料',
    submitLabel: '保存备注',
    maxLength: 500,
    confirm: null,
    send: addNote,
    done: () => '备注已保存，只有工作人员和双拥办看得到。',
  },
};

const SCHEMA = {
  reply: casesContract.reply,
  requestInfo: casesContract.requestInfo,
  resolve: casesContract.resolve,
  return: casesContract.return,
  note: casesContract.note,
} as const;
const FIELD: Record<SheetKind, string> = { reply: 'text', requestInfo: 'text', resolve: 'summary', return: 'reason', note: 'text' };

/** What this clerk may do with the case now, and a line when there is nothing to do. */
export function allowedActions(c: StaffCase) {
  const handling = c.contactUnmasked;
  const open = ['assigned', 'accepted', 'in_progress', 'waiting', 'resolved'].includes(c.status);
  return {
    accept: handling && canTransition(c.status, 'accept'),
    reply: handling && canTransition(c.status, 'reply'),
    requestInfo: handling && canTransition(c.status, 'requestInfo'),
    resolve: handling && canTransition(c.status, 'resolve'),
    return: handling && canTransition(c.status, 'return') && c.departmentId !== DISPATCH_DEPARTMENT,
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

/** One case for the department handling it: read it, call the person, and act on it. */
export function StaffCaseView({ caseRef }: { caseRef: CaseRef }) {
  const state = useStaffCase(caseRef);
  const [sheet, setSheet] = useState<{ kind: SheetKind; text: string; error: string | null; busy: boolean } | null>(null);
  const [accepting, setAccepting] = useState(false);
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

  // A case that has left this department: only what the department wrote, and nothing to act on.
  if (isFormerHolderCase(c)) return <FormerHolderCaseView c={c} />;

  const failed = (e: unknown) => {
    // Someone else acted first (or the requester withdrew): show what the case is now.
    if (isServiceError(e) && e.code === 'CONFLICT') state.refresh();
  };

  const signFor = async () => {
    if (!(await confirmFirst('签收', `签收后请在${when(c.dueAt)}前办结。群众会收到“已签收”的通知。确定签收吗？`, '签收'))) return;
    setAccepting(true);
    try {
      const next = await accept(c.caseId);
      state.apply(next, `已签收。请在${when(next.dueAt)}前办结，群众已收到签收通知。`);
    } catch (e) {
      failed(e);
      void Taro.showModal({ title: '没能签收', content: errorMessage(e), showCancel: false });
    } finally {
      setAccepting(false);
    }
  };

  const submit = async () => {
    if (!sheet) return;
    const spec = SHEETS[sheet.kind];
    const field = FIELD[sheet.kind];
    const checked = validate(SCHEMA[sheet.kind], { caseId: c.caseId, [field]: sheet.text });
    if (!checked.ok) {
      setSheet({ ...sheet, error: checked.errors[field] ?? Object.values(checked.errors)[0] ?? '请检查填写的内容' });
      return;
    }
    const ask = spec.confirm?.(c);
    if (ask && !(await confirmFirst(ask.title, ask.content, ask.confirmText, spec.danger))) return;
    setSheet({ ...sheet, busy: true, error: null });
    try {
      const next = await spec.send(c.caseId, sheet.text.trim());
      setSheet(null);
      state.apply(next, spec.done(next));
    } catch (e) {
      setSheet({ ...sheet, busy: false, error: errorMessage(e) });
      failed(e);
    }
  };

  const can = allowedActions(c);
  const open = (kind: SheetKind) => setSheet({ kind, text: '', error: null, busy: false });
  const spec = sheet ? SHEETS[sheet.kind] : null;

  const actions = (
    <View className="section" id="case-actions">
      <View className="section__title">办理</View>
      <View className="card card--padded">
        {can.why ? <View className="case-actions__hint">{can.why}</View> : null}
        <View className="case-actions">
          {can.accept ? (
            <Button
              className={`btn btn--primary${accepting ? ' btn--disabled' : ''}`}
              aria-disabled={accepting}
              onClick={accepting ? undefined : () => void signFor()}
              id="action-accept"
            >
              {accepting ? '正在签收…' : '签收'}
            </Button>
          ) : null}
          {can.resolve ? (
            <Button className="btn btn--primary" onClick={() => open('resolve')} id="action-resolve">
              办结
            </Button>
          ) : null}
          {can.reply ? (
            <Button className="btn btn--ghost" onClick={() => open('reply')} id="action-reply">
              答复
            </Button>
          ) : null}
          {can.requestInfo ? (
            <Button className="btn btn--ghost" onClick={() => open('requestInfo')} id="action-request-info">
              要求补充材料
            </Button>
          ) : null}
          {can.return ? (
            <Button className="btn btn--danger" onClick={() => open('return')} id="action-return">
              退回双拥办
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

  return (
    <PageShell>
      <CaseDetail c={c} notice={state.notice} actions={actions} />
      {sheet && spec ? (
        <ActionSheet
          id={`sheet-${sheet.kind}`}
          title={spec.title}
          hint={spec.hint}
          label={spec.label}
          placeholder={spec.placeholder}
          value={sheet.text}
          onChange={(text) => setSheet({ ...sheet, text, error: null })}
          maxLength={spec.maxLength}
          error={sheet.error}
          busy={sheet.busy}
          submitLabel={spec.submitLabel}
          danger={spec.danger}
          onSubmit={() => void submit()}
          onCancel={() => setSheet(null)}
        >
          {sheet.kind === 'reply' ? (
            <TemplatePicker category={c.category} onPick={(text) => setSheet({ ...sheet, text, error: null })} />
          ) : null}
        </ActionSheet>
      ) : null}
    </PageShell>
  );
}
