import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { getFair } from '../../services/fairs';
import { getMe } from '../../services/users';
import { FairFormView } from './fair-form';
import { formOf, newFairForm } from './fair-form-model';
import { rosterUrl } from './links';
import { OrganizerGate } from './organizer-gate';
import './fairs.css';

function FairEditor({ id }: { id: string }) {
  const initial = useAsync(async () => (id ? formOf(await getFair(id)) : newFairForm((await getMe()).departmentId)), [id]);
  if (initial.status === 'loading')
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (initial.status === 'error')
    return (
      <PageShell>
        <ErrorState error={initial.error} onRetry={() => initial.reload()} title="打不开这场招聘会" />
      </PageShell>
    );
  // A new fair goes on to its roster; an edited one back to where the organizer came from.
  const onSaved = (saved: string) => void (id ? Taro.navigateBack() : Taro.redirectTo({ url: rosterUrl(saved) }));
  return (
    <PageShell>
      <FairFormView initial={initial.data} onSaved={onSaved} />
    </PageShell>
  );
}

/** 发布/编辑招聘会 (`?id=` edits). */
export default function FairEditPage() {
  const { params } = useRouter();
  const id = param(params.id);
  useEffect(() => {
    if (!id) void Taro.setNavigationBarTitle({ title: '发布招聘' });
  }, [id]);
  return (
    <OrganizerGate>
      <FairEditor id={id} />
    </OrganizerGate>
  );
}
