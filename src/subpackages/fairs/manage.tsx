import { Button, View } from '@tarojs/components';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { listManagedFairs } from '../../services/fairs';
import { FairCard } from './fair-card';
import { openEditor, openRoster } from './links';
import { OrganizerGate } from './organizer-gate';
import './fairs.css';

function FairManagement() {
  const fairs = useAsync(() => listManagedFairs());

  // Back from the editor or the door: the list shows what changed.
  useShownAgain(() => fairs.reload({ silent: true }));

  return (
    <PageShell>
      <View className="actions">
        <Button className="btn btn--primary btn--block" id="new-fair" onClick={() => openEditor()}>
          发布新的招聘会
        </Button>
      </View>
      <View className="section">
        <View className="section__title">全部场次</View>
        <View className="section__hint">点一场招聘会，看报名名单、现场签到、导出名单和记录结果</View>
        <Loaded state={fairs} empty={{ when: (d) => d.items.length === 0, title: '还没有招聘会', description: '点上面的按钮发布第一场' }}>
          {(d) => (
            <View className="card">
              {d.items.map((f) => (
                <FairCard key={f.id} fair={f} onClick={() => openRoster(f.id)} />
              ))}
            </View>
          )}
        </Loaded>
      </View>
    </PageShell>
  );
}

/** 招聘会管理: every fair, for its organizers. */
export default function FairManagementPage() {
  return (
    <OrganizerGate>
      <FairManagement />
    </OrganizerGate>
  );
}
