import { fairSchema, type FairInput } from '../../../core/contracts/fairs';
import type { FairDetail } from '../../services/fairs';
import { joinChina, splitChina } from '../../../core/time';

export interface PositionDraft {
  id?: string;
  title: string;
  count: string;
  salary: string;
  requirements: string;
}
export interface EmployerDraft {
  name: string;
  intro: string;
  positions: PositionDraft[];
}
/** What the form holds: strings as typed, turned into a FairInput only on save. */
export interface FairForm {
  id?: string;
  status?: FairInput['status'];
  title: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  deadlineDate: string;
  deadlineTime: string;
  capacity: string;
  venueName: string;
  venueAddress: string;
  lat: string;
  lng: string;
  organizerDepartmentId: string;
  employers: EmployerDraft[];
}

export const emptyPosition = (): PositionDraft => ({ title: '', count: '1', salary: '', requirements: '' });
export const emptyEmployer = (): EmployerDraft => ({ name: '', intro: '', positions: [emptyPosition()] });

/** A new fair, organized by the caller's unit when it organizes fairs, else by the first unit that does. */
export function newFairForm(departmentId: string | undefined, organizers: readonly string[]): FairForm {
  return {
    title: '',
    description: '',
    date: '',
    startTime: '09:00',
    endTime: '16:00',
    deadlineDate: '',
    deadlineTime: '18:00',
    capacity: '100',
    venueName: '',
    venueAddress: '',
    lat: '',
    lng: '',
    organizerDepartmentId: departmentId && organizers.includes(departmentId) ? departmentId : (organizers[0] ?? ''),
    employers: [],
  };
}

export function formOf(f: FairDetail): FairForm {
  const start = splitChina(f.startAt);
  const end = splitChina(f.endAt);
  const deadline = splitChina(f.signupDeadline);
  return {
    id: f.id,
    status: f.status,
    title: f.title,
    description: f.description ?? '',
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    capacity: String(f.capacity),
    venueName: f.venue.name,
    venueAddress: f.venue.address,
    lat: String(f.venue.lat),
    lng: String(f.venue.lng),
    organizerDepartmentId: f.organizerDepartmentId,
    employers: f.employers.map((e) => ({
      name: e.name,
      intro: e.intro ?? '',
      positions: e.positions.map((p) => ({
        id: p.id,
        title: p.title,
        count: String(p.count),
        salary: p.salary ?? '',
        requirements: p.requirements ?? '',
      })),
    })),
  };
}

const optional = (s: string) => (s.trim() ? s.trim() : undefined);
const integer = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
const decimal = (s: string) => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : NaN);

export type FormErrors = Record<string, string>;

/** Checks the form with the contract `fairs.save` uses; errors are keyed by path, e.g. `employers.0.positions.1.title`. */
export function checkFairForm(form: FairForm): { ok: true; data: FairInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  // Numbers typed by hand get plain words before the contract sees them.
  const capacity = integer(form.capacity);
  if (!(capacity >= 1)) errors.capacity = '请填写名额，至少 1 个';
  const lat = decimal(form.lat);
  const lng = decimal(form.lng);
  if (!(lat >= -90 && lat <= 90)) errors['venue.lat'] = '请填写纬度，例如 30.5208';
  if (!(lng >= -180 && lng <= 180)) errors['venue.lng'] = '请填写经度，例如 114.3187';
  if (!form.date) errors.startAt = '请选择日期';
  if (!form.deadlineDate) errors.signupDeadline = '请选择报名截止日期';
  form.employers.forEach((e, i) =>
    e.positions.forEach((p, j) => {
      if (!(integer(p.count) >= 1)) errors[`employers.${i}.positions.${j}.count`] = '请填写招聘人数';
    }),
  );

  const input = {
    ...(form.id ? { id: form.id } : {}),
    title: form.title,
    startAt: joinChina(form.date, form.startTime),
    endAt: joinChina(form.date, form.endTime),
    signupDeadline: joinChina(form.deadlineDate, form.deadlineTime),
    capacity,
    venue: { name: form.venueName, address: form.venueAddress, lat, lng },
    organizerDepartmentId: form.organizerDepartmentId,
    ...(optional(form.description) ? { description: optional(form.description) } : {}),
    employers: form.employers.map((e) => ({
      name: e.name,
      ...(optional(e.intro) ? { intro: optional(e.intro) } : {}),
      positions: e.positions.map((p) => ({
        ...(p.id ? { id: p.id } : {}),
        title: p.title,
        count: integer(p.count),
        ...(optional(p.salary) ? { salary: optional(p.salary) } : {}),
        ...(optional(p.requirements) ? { requirements: optional(p.requirements) } : {}),
      })),
    })),
    ...(form.status ? { status: form.status } : {}),
  };
  const parsed = fairSchema.safeParse(input);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return { ok: false, errors };
}
