import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMeta } from '../../services/meta';
import type { DeleteReport } from '../../../core/contracts/users';
import { deleteMe, getMe } from '../../services/users';
import { ProfileForm } from './profile-form';

/** Back to 我的, which shows what was saved; opened directly (H5 reload), switch to it. */
function backToMe() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/me/index' });
}

export default function ProfilePage() {
  const data = useAsync(() => Promise.all([getMe(), getMeta()]));
  const [deleting, setDeleting] = useState(false);
  const [report, setReport] = useState<DeleteReport | null>(null);

  const confirmDelete = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除我的信息',
      content: '删除后，您填写的资料会清除；招聘会、志愿活动报名名单和求助里的姓名、手机号也会删除，正在办理的求助会撤回。确定删除吗？',
      confirmText: '删除',
      confirmColor: '#c62828',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setDeleting(true);
    try {
      // What was removed and what was kept (and why) stay on the page for the person to read.
      setReport(await deleteMe());
    } catch (e) {
      void Taro.showModal({ title: '没能删除', content: errorMessage(e), showCancel: false });
    } finally {
      setDeleting(false);
    }
  };

  if (report) return <DeletedReport report={report} />;

  return (
    <PageShell>
      <Loaded state={data}>
        {([me, meta]) => (
          <View>
            <View className="section">
              <View className="section__hint">这些信息只用于联系您和把事项转给对应部门。只有姓名必填，其他按需要填写。</View>
            </View>
            <ProfileForm me={me} meta={meta} onSaved={() => setTimeout(backToMe, 800)} />
            {/* Offered even without a profile: a sign-up or a request also holds a name and phone. */}
            <View className="actions">
              <Button
                className={`btn btn--danger btn--block${deleting ? ' btn--disabled' : ''}`}
                loading={deleting}
                aria-disabled={deleting}
                onClick={deleting ? undefined : () => void confirmDelete()}
              >
                删除我的信息
              </Button>
            </View>
          </View>
        )}
      </Loaded>
    </PageShell>
  );
}

/** After deletion: what is gone, and what stays and why, in the person's words. */
function DeletedReport({ report }: { report: DeleteReport }) {
  return (
    <PageShell>
      <View className="section" id="deleted-report">
        <View className="section__title">已删除您的个人信息</View>
        {report.done.map((line) => (
          <View className="section__hint" key={line}>
            {line}
          </View>
        ))}
      </View>
      <View className="section" id="deleted-kept">
        <View className="section__title">保留了什么，为什么</View>
        {report.kept.map((line) => (
          <View className="section__hint" key={line}>
            {line}
          </View>
        ))}
      </View>
      <View className="actions">
        <Button className="btn btn--primary btn--block" onClick={backToMe}>
          返回我的
        </Button>
      </View>
    </PageShell>
  );
}
