import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { serverNow } from '../../services/meta';
import { StatsView } from './stats-view';

export default function StatsPage() {
  // The default period is this month on the cloud's clock; the device's clock if that cannot be read.
  const now = useAsync(() => serverNow().catch(() => new Date()));
  return (
    <PageShell>
      <Loaded state={now}>{(date) => <StatsView now={date} />}</Loaded>
    </PageShell>
  );
}
