import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { monthDayText } from '../../../core/time';
import type { Invite, StaffMember } from '../../../core/contracts/users';
import { ROLE_NAMES } from '../../../core/roles';
import { EmptyState } from '../../components/empty-state';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMeta } from '../../services/meta';
import { listStaff, removeStaff } from '../../services/users';
import { InviteForm } from './invite-form';
import './index.css';

const SETTINGS = [
  { title: '全县单位', desc: '成员单位、乡镇街道和服务站：导入单位表，逐个修改', url: '/subpackages/admin/county' },
  { title: '答复模板', desc: '各类事项的常用答复，工作人员答复时选用', url: '/subpackages/admin/templates' },
  { title: '分派规则', desc: '哪类事项转给哪个部门，乡镇另有安排的', url: '/subpackages/admin/routing' },
  { title: '工作日历', desc: '节假日和调休，办理期限按它计算', url: '/subpackages/admin/calendar' },
  { title: '操作记录与保存期限', desc: '谁在什么时候查看、办理、导出了谁的信息；个人信息保存多久', url: '/subpackages/admin/audit' },
];

export default function AdminPage() {
  const data = useAsync(() => Promise.all([listStaff(), getMeta()]));
  const [created, setCreated] = useState<Invite | null>(null);

  const deptName = (id: string | undefined) => (id ? (data.data?.[1].departments.find((d) => d.id === id)?.name ?? id) : '');

  const onCreated = (invite: Invite) => {
    setCreated(invite);
    data.reload({ silent: true });
  };

  const confirmRemove = async (member: StaffMember) => {
    const who = member.name ?? member.openid;
    const { confirm } = await Taro.showModal({
      title: '移除工作人员',
      content:
        member.role === 'leader'
          ? `移除后，${who}立即不能再查看创建进度、三率和督办清单。确定移除吗？`
          : `移除后，${who}立即不能再处理${deptName(member.departmentId) || '部门'}的事项，已办的记录会保留。确定移除吗？`,
      confirmText: '移除',
      confirmColor: '#c62828',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      await removeStaff(member.openid);
      void Taro.showToast({ title: '已移除', icon: 'success' });
      data.reload({ silent: true });
    } catch (e) {
      void Taro.showModal({ title: '没能移除', content: errorMessage(e), showCancel: false });
    }
  };

  return (
    <PageShell>
      <Loaded state={data} errorTitle="打不开管理后台">
        {([{ items, invites }, meta]) => (
          <>
            <View className="section">
              <View className="section__title">办理设置</View>
              <View className="card" id="admin-settings">
                {SETTINGS.map((l) => (
                  <View
                    key={l.url}
                    className="list-item list-item--link"
                    role="button"
                    onClick={() => void Taro.navigateTo({ url: l.url })}
                  >
                    <View className="list-item__main">
                      <View className="list-item__title">{l.title}</View>
                      <View className="list-item__desc">{l.desc}</View>
                    </View>
                    <View className="list-item__arrow" />
                  </View>
                ))}
              </View>
            </View>

            <View className="section">
              <View className="section__title">邀请新同事</View>
              <View className="section__hint">生成邀请码后念给对方，请他在「我的 → 我是工作人员」里输入。每个码只能用一次。</View>
              {created ? (
                <View className="card card--padded" id="invite-result" style={{ marginBottom: '12px' }}>
                  <View className="list-item__desc">
                    给{created.departmentId ? `${deptName(created.departmentId)}的` : ''}
                    {ROLE_NAMES[created.role]}的邀请码：
                  </View>
                  <View className="invite-code" id="invite-code">
                    {created.code}
                  </View>
                  <View className="list-item__desc">{monthDayText(created.expiresAt)}前有效。</View>
                </View>
              ) : null}
              <InviteForm meta={meta} onCreated={onCreated} />
            </View>

            <View className="section">
              <View className="section__title">工作人员（{items.length}）</View>
              {items.length === 0 ? (
                <EmptyState title="还没有工作人员" description="用上面的邀请码请同事加入" />
              ) : (
                <View className="card">
                  {items.map((m) => (
                    <View key={m.openid} className="list-item">
                      <View className="list-item__main">
                        <View className="list-item__title">{m.name ?? '未填姓名'}</View>
                        <View className="list-item__desc">
                          {ROLE_NAMES[m.role]}
                          {m.departmentId ? ` · ${deptName(m.departmentId)}` : ''} · {m.openid}
                        </View>
                      </View>
                      {m.role !== 'admin' ? (
                        <Button className="btn btn--danger admin-remove" onClick={() => void confirmRemove(m)}>
                          移除
                        </Button>
                      ) : null}
                    </View>
                  ))}
                </View>
              )}
            </View>

            <View className="section">
              <View className="section__title">未使用的邀请码（{invites.length}）</View>
              {invites.length === 0 ? (
                <EmptyState title="没有未使用的邀请码" />
              ) : (
                <View className="card">
                  {invites.map((i) => (
                    <View key={i.code} className="list-item">
                      <View className="list-item__main">
                        <View className="list-item__title">{i.code}</View>
                        <View className="list-item__desc">
                          {[deptName(i.departmentId), ROLE_NAMES[i.role]].filter(Boolean).join(' · ')}
                        </View>
                      </View>
                      <View className="list-item__extra">{monthDayText(i.expiresAt)}前有效</View>
                    </View>
                  ))}
                </View>
              )}
            </View>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
