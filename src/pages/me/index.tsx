import { Switch, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { setElderMode, useElderMode } from '../../lib/elder-mode';
import { askPrivacy } from '../../lib/privacy';
import { useAsync } from '../../lib/use-async';
import { isFairOrganizer } from '../../services/fairs';
import { getMeta } from '../../services/meta';
import { isServiceError } from '../../services/service-error';
import { getMe } from '../../services/users';
import { IdentitySwitcher } from './identity-switcher';
import { MeCard } from './me-card';
import './index.css';

interface LinkRowProps {
  title: string;
  desc?: string;
  id?: string;
  onClick: () => void;
}

function LinkRow({ title, desc, id, onClick }: LinkRowProps) {
  return (
    <View className="list-item list-item--link" id={id} onClick={onClick} role="button">
      <View className="list-item__main">
        <View className="list-item__title">{title}</View>
        {desc ? <View className="list-item__desc">{desc}</View> : null}
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}

const go = (url: string) => () => void Taro.navigateTo({ url });

export default function MePage() {
  const me = useAsync(getMe);
  const meta = useAsync(getMeta);
  const elder = useElderMode();
  const shown = useRef(false);

  // Coming back from the profile or bind page: show what changed without a spinner.
  useDidShow(() => {
    if (shown.current) me.reload({ silent: true });
    shown.current = true;
  });

  const anonymous = me.status === 'error' && isServiceError(me.error) && me.error.code === 'UNAUTHENTICATED';
  const role = me.status === 'ready' ? me.data.role : null;

  return (
    <PageShell>
      {me.status === 'loading' ? <LoadingState /> : null}
      {me.status === 'ready' ? <MeCard me={me.data} meta={meta.data} /> : null}
      {anonymous ? (
        <View className="hero">
          <View className="hero__title">您好，访客</View>
          <View className="hero__text">在微信里打开会自动识别您。现在可以先看看政策和办事指南。</View>
        </View>
      ) : null}
      {me.status === 'error' && !anonymous ? <ErrorState error={me.error} onRetry={() => me.reload()} title="没能读到您的信息" /> : null}

      <View className="section">
        <View className="card">
          {role ? (
            <LinkRow id="link-my-cases" title="我的求助" desc="提交过的求助办到哪一步了" onClick={go('/subpackages/cases/mine')} />
          ) : null}
          {role ? (
            <LinkRow id="link-my-fairs" title="我的报名" desc="招聘会的签到码和候补进度" onClick={go('/subpackages/fairs/mine')} />
          ) : null}
          {isFairOrganizer(me.data) ? (
            <LinkRow
              id="link-fair-admin"
              title="招聘会管理"
              desc="发布招聘会、报名名单、现场签到"
              onClick={go('/subpackages/fairs/manage')}
            />
          ) : null}
          {role ? (
            <LinkRow
              id="link-profile"
              title="个人信息"
              desc="姓名、手机号、所在乡镇和身份类别"
              onClick={go('/subpackages/profile/index')}
            />
          ) : null}
          {role === 'resident' ? (
            <LinkRow id="link-bind" title="我是工作人员" desc="用管理员给的邀请码绑定部门" onClick={go('/subpackages/profile/bind')} />
          ) : null}
          {role === 'staff' || role === 'dispatcher' ? (
            <LinkRow
              id="link-workbench"
              title="工作台"
              desc="签收、答复、办结转到本部门的求助"
              onClick={go('/subpackages/workbench/index')}
            />
          ) : null}
          {role === 'dispatcher' || role === 'admin' ? (
            <LinkRow id="link-office" title="双拥办督办台" desc="分派、督办、回访和三率统计" onClick={go('/subpackages/office/index')} />
          ) : null}
          {role === 'leader' ? (
            <LinkRow
              id="link-office"
              title="督办清单和三率"
              desc="超期、通报、回访的求助，各单位的响应率、解决率、满意率（只读）"
              onClick={go('/subpackages/office/index')}
            />
          ) : null}
          {role === 'staff' || role === 'dispatcher' || role === 'admin' || role === 'leader' ? (
            <LinkRow
              id="link-ledger"
              title="创建台账"
              desc="双拥模范县考评任务、佐证材料和进度"
              onClick={go('/subpackages/ledger/index')}
            />
          ) : null}
          {role === 'admin' ? (
            <LinkRow
              id="link-admin"
              title="管理后台"
              desc="工作人员、答复模板、分派规则和工作日历"
              onClick={go('/subpackages/admin/index')}
            />
          ) : null}
          <View className="list-item">
            <View className="list-item__main">
              <View className="list-item__title">长辈模式</View>
              <View className="list-item__desc">字更大、颜色更深，每一页都生效</View>
            </View>
            <Switch
              id="elder-switch"
              className="me-switch"
              checked={elder}
              color="#b71c1c"
              nativeProps={{ 'aria-label': '长辈模式' }}
              onChange={(e) => setElderMode(e.detail.value)}
            />
          </View>
          <LinkRow id="link-privacy" title="隐私说明" desc="我们收集什么、怎么用" onClick={() => void askPrivacy('read')} />
        </View>
      </View>

      <IdentitySwitcher onChange={() => me.reload()} />
    </PageShell>
  );
}
