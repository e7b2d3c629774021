import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { organizerUnits } from '../../../core/fairs/model';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { getFair } from '../../services/fairs';
import { getOrganization } from '../../services/meta';
import { getMe } from '../../services/users';
import { FairFormView } from './fair-form';
import { formOf, newFairForm } from './fair-form-model';
import { rosterUrl } from './links';
import { OrganizerGate } from './organizer-gate';
import './fairs.css';

function FairEditor({ id }: { id: string }) {
  const initial = useAsync(async () => {
    const [org, fair, me] = await Promise.all([getOrganization(), id ? getFair(id) : null, id ? null : getMe()]);
    const form = fair
      ? formOf(fair)
      : newFairForm(
          me?.departmentId,
          organizerUnits(org).map((u) => u.id),
        );
    return { org, form };
  }, [id]);
  // A new fair goes on to its roster; an edited one back to where the organizer came from.
  const onSaved = (saved: string) => void (id ? Taro.navigateBack() : Taro.redirectTo({ url: rosterUrl(saved) }));
  return (
    <PageShell>
      <Loaded state={initial} errorTitle="打不开这场招聘会">
        {({ org, form }) => <FairFormView org={org} initial={form} onSaved={onSaved} />}
      </Loaded>
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
