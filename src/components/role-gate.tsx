import type { ReactNode } from 'react';
import type { Me } from '../../core/contracts/users';
import { useAsync } from '../lib/use-async';
import { getMe } from '../services/users';
import { Loaded } from './loaded';
import { PageShell } from './page-shell';

interface RoleGateProps {
  /** Who may open the pages behind the gate; the cloud checks again on every call. */
  allows: (me: Me) => boolean;
  /** Said to anyone else: what these pages are, and who may use them. */
  title: string;
  description: string;
  /** The page, with its own PageShell. */
  children: ReactNode;
}

/** Management pages open only for the people who manage them: anyone else reads what the pages are for. */
export function RoleGate({ allows, title, description, children }: RoleGateProps) {
  const me = useAsync(getMe);
  if (me.status === 'ready' && allows(me.data)) return <>{children}</>;
  return (
    <PageShell>
      <Loaded state={me} errorTitle="没能确认您的身份" empty={{ when: (data) => !allows(data), title, description }}>
        {() => null}
      </Loaded>
    </PageShell>
  );
}
