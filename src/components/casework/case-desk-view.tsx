import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Organization } from '../../../core/org/model';
import type { StaffCase } from '../../services/cases';
import { isServiceError } from '../../services/service-error';
import { ChoiceChips } from '../choice-chips';
import { errorMessage } from '../error-state';
import { Loaded } from '../loaded';
import { PageShell } from '../page-shell';
import { useOrganizationState } from '../use-organization';
import { ActionSheet } from './action-sheet';
import { CaseDetail } from './case-detail';
import type { Desk, DeskAction, Prepared, SheetAction, StepAction } from './desk';
import { confirmFirst, useStaffCase, type CaseRef } from './use-staff-case';

interface OpenSheet {
  /** As opened; the case's current actions are preferred when they still offer it. */
  action: SheetAction;
  text: string;
  choice: string | null;
  error: string | null;
  busy: boolean;
}

/** One case for staff or the 双拥办: read it, call the person, and act on it with the buttons the desk gives. */
export function CaseDeskView({ caseRef, desk }: { caseRef: CaseRef; desk: Desk }) {
  const staffCase = useStaffCase(caseRef);
  // The buttons depend on who holds the case and where it may go: the case waits for the organization.
  const org = useOrganizationState();
  return (
    <PageShell>
      <Loaded state={staffCase.loaded} errorTitle="打不开这件求助">
        {(loaded) => (
          <Loaded state={org} errorTitle="打不开这件求助">
            {(o) => {
              const c = staffCase.current ?? loaded;
              return desk.instead?.(c, o) ?? <DeskView c={c} org={o} desk={desk} staffCase={staffCase} />;
            }}
          </Loaded>
        )}
      </Loaded>
    </PageShell>
  );
}

interface DeskViewProps {
  c: StaffCase;
  org: Organization;
  desk: Desk;
  staffCase: ReturnType<typeof useStaffCase>;
}

/** The case with the desk's buttons, the sheet one opens, and the step one runs. */
function DeskView({ c, org, desk, staffCase: state }: DeskViewProps) {
  const [sheet, setSheet] = useState<OpenSheet | null>(null);
  const [stepping, setStepping] = useState<string | null>(null);
  const actions = desk.actions(c, org);
  const edit = (patch: Partial<OpenSheet>) => setSheet((s) => (s ? { ...s, error: null, ...patch } : s));
  const failed = (e: unknown) => {
    // Someone else acted first (or the requester withdrew): show what the case is now.
    if (isServiceError(e) && e.code === 'CONFLICT') state.refresh();
  };

  /** Asks, sends; the case answered replaces the one shown, with what comes next. Null when not confirmed. */
  const run = async (ready: Prepared, before: () => void): Promise<StaffCase | null> => {
    const ask = ready.ask;
    if (ask && !(await confirmFirst(ask.title, ask.content, ask.confirmText, ask.danger))) return null;
    before();
    const next = await ready.send();
    state.apply(next, ready.done(next));
    return next;
  };

  const step = async (action: StepAction) => {
    try {
      await run(action.prepare(), () => setStepping(action.id));
    } catch (e) {
      failed(e);
      void Taro.showModal({ title: action.failTitle, content: errorMessage(e), showCancel: false });
    } finally {
      setStepping(null);
    }
  };

  const current = sheet
    ? (actions.find((a): a is SheetAction => a.kind === 'sheet' && a.sheet === sheet.action.sheet) ?? sheet.action)
    : null;

  const submit = async () => {
    if (!sheet || !current) return;
    if (current.choice && sheet.choice === null) return edit({ error: current.choice.missing });
    const ready = current.prepare(sheet.text, sheet.choice);
    if ('error' in ready) return edit({ error: ready.error });
    try {
      if (await run(ready, () => edit({ busy: true }))) setSheet(null);
    } catch (e) {
      edit({ busy: false, error: errorMessage(e) });
      failed(e);
    }
  };

  const press = (a: DeskAction) => {
    if (a.kind === 'step') void step(a);
    else setSheet({ action: a, text: '', choice: null, error: null, busy: false });
  };

  const section = (
    <View className="section" id="case-actions">
      <View className="section__title">{desk.title}</View>
      <View className="card card--padded">
        {desk.hint(c, org)}
        <View className="case-actions">
          {actions.map((a) => {
            const busy = a.kind === 'step' && stepping === a.id;
            return (
              <Button
                key={a.id}
                id={a.id}
                className={`btn btn--${a.tone}${busy ? ' btn--disabled' : ''}`}
                aria-disabled={a.kind === 'step' ? busy : undefined}
                onClick={busy ? undefined : () => press(a)}
              >
                {busy ? a.busyLabel : a.label}
              </Button>
            );
          })}
        </View>
      </View>
    </View>
  );

  return (
    <>
      <CaseDetail c={c} org={org} notice={state.notice} actions={section} />
      {sheet && current ? (
        <ActionSheet
          id={`sheet-${current.sheet}`}
          title={current.title}
          hint={current.hint}
          label={current.fieldLabel}
          placeholder={current.placeholder}
          optional={current.optional}
          textless={current.textless}
          maxLength={current.maxLength}
          submitLabel={current.submitLabel}
          danger={current.danger}
          value={sheet.text}
          onChange={(text) => edit({ text })}
          error={sheet.error}
          busy={sheet.busy}
          onSubmit={() => void submit()}
          onCancel={() => setSheet(null)}
        >
          {current.extra?.((text) => edit({ text }))}
          {current.choice ? (
            <View>
              <View className="field__label">{current.choice.label}</View>
              <ChoiceChips
                id={current.choice.id}
                label={current.choice.label}
                choices={current.choice.choices}
                value={sheet.choice}
                onChange={(choice) => edit({ choice })}
              />
            </View>
          ) : null}
        </ActionSheet>
      ) : null}
    </>
  );
}
