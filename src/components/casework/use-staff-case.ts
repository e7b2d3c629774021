import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useAsync } from '../../lib/use-async';
import { getCase, lookup, type StaffCase } from '../../services/cases';

/** Which case a page shows: by id (from a list) or by tracking number (a phone enquiry). */
export interface CaseRef {
  id?: string;
  no?: string;
}

/**
 * Loads a case for staff or the 双拥办 and keeps the newest copy: every action answers the updated
 * case, which replaces what was loaded, with a line saying what happened and what comes next.
 */
export function useStaffCase(ref: CaseRef) {
  const loaded = useAsync(() => (ref.id ? getCase<StaffCase>(ref.id) : lookup(ref.no ?? '')), [ref.id, ref.no]);
  const [updated, setUpdated] = useState<StaffCase | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return {
    loaded,
    current: updated ?? loaded.data,
    notice,
    /** After an action: show the case it answered and say what comes next. */
    apply(c: StaffCase, message: string) {
      setUpdated(c);
      setNotice(message);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
    },
    /** Someone else changed it (CONFLICT) or the page came back into view: read it again. */
    refresh() {
      setUpdated(null);
      loaded.reload({ silent: true });
    },
  };
}

/** Asks before an action that cannot be taken back; resolves true when the person confirmed. */
export async function confirmFirst(title: string, content: string, confirmText = '确定', danger = false): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title,
    content,
    confirmText,
    cancelText: '再想想',
    confirmColor: danger ? '#c62828' : '#b71c1c',
  });
  return confirm;
}
