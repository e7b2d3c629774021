import type { Me } from '../../../core/contracts/users';
import { isSupervisor } from '../../../core/ledger/model';

/** The 双拥办 (dispatcher) and admins supervise: accept, send back, urge, import, report. */
export const supervises = (me: Pick<Me, 'role'> | undefined): boolean => Boolean(me && isSupervisor(me));

/** Residents have no ledger: the cloud answers FORBIDDEN, and the page says so before asking. */
export const mayOpenLedger = (me: Pick<Me, 'role'> | undefined): boolean =>
  me?.role === 'staff' || me?.role === 'dispatcher' || me?.role === 'admin';
