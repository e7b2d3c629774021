import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, errorMessage } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMeta } from '../../services/meta';
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

  const confirmDelete = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除我的信息',
      content: '删除后，您填写的姓名、手机号、所在地和身份类别都会清除，已办结事项里的联系方式也会隐去。确定删除吗？',
      confirmText: '删除',
      confirmColor: '#c62828',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setDeleting(true);
    try {
      await deleteMe();
      await Taro.showToast({ title: '已删除', icon: 'success' });
      setTimeout(backToMe, 800);
    } catch (e) {
      void Taro.showModal({ title: '没能删除', content: errorMessage(e), showCancel: false });
    } finally {
      setDeleting(false);
    }
  };

  return (
    <PageShell>
      {data.status === 'loading' ? <LoadingState /> : null}
      {data.status === 'error' ? <ErrorState error={data.error} onRetry={() => data.reload()} /> : null}
      {data.status === 'ready' ? (
        <View>
          <View className="section">
            <View className="section__hint">这些信息只用于联系您和把事项转给对应部门。只有姓名必填，其他按需要填写。</View>
          </View>
          <ProfileForm me={data.data[0]} meta={data.data[1]} onSaved={() => setTimeout(backToMe, 800)} />
          {data.data[0].profile ? (
            <View className="actions">
              <Button
                block
                size="large"
                fill="outline"
                type="danger"
                loading={deleting}
                disabled={deleting}
                onClick={() => void confirmDelete()}
              >
                删除我的信息
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
