import type { Me } from '../../../core/contracts/users';
import { isSupervisor } from '../../../core/ledger/model';
import { overseesEveryUnit } from '../../../core/roles';

/** The 双拥办 (dispatcher) and admins supervise: accept, send back, urge, import, report. */
export const supervises = (me: Pick<Me, 'role'> | undefined): boolean => Boolean(me && isSupervisor(me));

/**
 * Who reads the county as a whole (every task, 待验收 and 逾期, the periodic report): the 双拥办, admins and
 * the county's leaders. A leader reads it all and changes nothing: the cloud refuses their every write.
 */
export const overseesLedger = (me: Pick<Me, 'role'> | undefined): boolean => Boolean(me && overseesEveryUnit(me));

/** A leader (县领导, 督察室, 组织部考评): the same views as the 双拥办, without a single button that writes. */
export const readsOnly = (me: Pick<Me, 'role'> | undefined): boolean => me?.role === 'leader';

/** Residents have no ledger: the cloud answers FORBIDDEN, and the page says so before asking. */
export const mayOpenLedger = (me: Pick<Me, 'role'> | undefined): boolean => me !== undefined && me.role !== 'resident';
