import type { ReactNode } from 'react';
import type { Organization } from '../../../core/org/model';
import type { StaffCase } from '../../services/cases';

/**
 * What one role can do with a case — a department's clerk (workbench) or the 双拥办 (office): the buttons it
 * has for this case now and what each does. CaseDeskView draws any desk the same way. The county's
 * organization comes with the case: whether the case sits with the dispatch unit, and where it may go.
 */
export interface Desk {
  /** Over the buttons, e.g. 办理. */
  title: string;
  /** Above the buttons: why there is little to do, or where to go instead. */
  hint: (c: StaffCase, org: Organization) => ReactNode;
  /** The buttons this role has for this case now, in the order shown. */
  actions: (c: StaffCase, org: Organization) => DeskAction[];
  /** Shown in the page instead of the case and its actions (a department the case has left); null shows the case. */
  instead?: (c: StaffCase, org: Organization) => ReactNode;
}

/** Asked before an action that cannot be taken back. */
export interface Ask {
  title: string;
  content: string;
  confirmText: string;
  danger?: boolean;
}

/** An action checked and ready: what to ask first (null: nothing), what to send, what to say after. */
export interface Prepared {
  ask: Ask | null;
  send: () => Promise<StaffCase>;
  /** What happened and what comes next, said over the updated case. */
  done: (next: StaffCase) => string;
}

interface Button {
  /** The element id, e.g. action-reply. */
  id: string;
  label: string;
  tone: 'primary' | 'ghost' | 'danger' | 'plain';
}

/** A choice above the text (the department to assign to, the follow-up's outcome), one of a few. */
export interface SheetChoice {
  id: string;
  label: string;
  choices: { value: string; label: string }[];
  /** Said when the sheet is sent with nothing chosen. */
  missing: string;
}

/** An action that takes a few words in a bottom sheet (答复, 督办, 内部备注…). */
export interface SheetAction extends Button {
  kind: 'sheet';
  /** The sheet's name: its element id is sheet-<name>. */
  sheet: string;
  title: string;
  hint: string;
  /** Over the text (the button's own words are `label`). */
  fieldLabel: string;
  placeholder: string;
  submitLabel: string;
  maxLength: number;
  optional?: boolean;
  /** Only the choice, nothing to write (指定承办人): `fieldLabel` and `placeholder` go unshown. */
  textless?: boolean;
  danger?: boolean;
  choice?: SheetChoice;
  /** More above the text, given a way to fill it in (the reply templates). */
  extra?: (fill: (text: string) => void) => ReactNode;
  /** Checks what was written (and chosen): an error to show under the text, or the action ready to send. */
  prepare: (text: string, choice: string | null) => Prepared | { error: string };
}

/** An action taken at once after its confirmation (签收). */
export interface StepAction extends Button {
  kind: 'step';
  /** On the button while it runs, e.g. 正在签收…. */
  busyLabel: string;
  /** The title of the dialog that says why it failed. */
  failTitle: string;
  prepare: () => Prepared;
}

export type DeskAction = SheetAction | StepAction;

/** The first error a contract check found, the named field's first. */
export function firstError(errors: Record<string, string>, field?: string): string {
  return (field ? errors[field] : undefined) ?? Object.values(errors)[0] ?? '请检查填写的内容';
}

/** The buttons a desk offers now, from a list written in order with null for the ones not offered. */
export const offered = (list: (DeskAction | null)[]): DeskAction[] => list.filter((a): a is DeskAction => a !== null);
