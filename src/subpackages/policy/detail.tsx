import { Button, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import type { Policy } from '../../../core/contracts/policies';
import { categoryById } from '../../../core/data/categories';
import { IDENTITY_TYPES } from '../../../core/data/identity-types';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { readStorage, writeStorage } from '../../lib/storage';
import { useAsync } from '../../lib/use-async';
import { getPolicy, toggleFavorite } from '../../services/policies';
import { isServiceError } from '../../services/service-error';
import { newRequestUrl, POLICY } from './params';
import { ShareButton } from './share';
import './policy.css';

const identityName = (id: string) => IDENTITY_TYPES.find((t) => t.id === id)?.name ?? id;
const STATUS_NOTE = { draft: '这是草稿，群众看不到', archived: '这条政策已下线，群众看不到', published: '' } as const;
const formatDay = (day: string) => day.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');

const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');
const stepsKey = (id: string) => `sy.policySteps.${id}`;

/** The steps as a checklist; what the person ticked is remembered on this device. */
function StepChecklist({ policy }: { policy: Policy }) {
  const [done, setDone] = useState<number[]>(() => readStorage(stepsKey(policy.id), isNumberList) ?? []);
  const toggle = (i: number) => {
    const next = done.includes(i) ? done.filter((n) => n !== i) : [...done, i];
    setDone(next);
    writeStorage(stepsKey(policy.id), next);
  };
  return (
    <View className="card" id="policy-steps">
      {policy.steps.map((step, i) => {
        const checked = done.includes(i);
        return (
          <View
            key={i}
            className={`policy-check${checked ? ' policy-check--done' : ''}`}
            onClick={() => toggle(i)}
            role="checkbox"
            aria-checked={checked}
          >
            <View className="policy-check__box">{checked ? '✓' : i + 1}</View>
            <View className="policy-check__text">{step}</View>
          </View>
        );
      })}
      <View className="policy-check__hint">
        {done.length === policy.steps.length ? '都办好了' : `点一下可以勾掉办好的步骤（${done.length}/${policy.steps.length}）`}
      </View>
    </View>
  );
}

function Bullets({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <View className="card card--padded list-item__desc">{empty}</View>;
  return (
    <View className="card card--padded">
      {items.map((text, i) => (
        <View key={i} className="policy-bullet">
          {text}
        </View>
      ))}
    </View>
  );
}

function PolicyView({ initial }: { initial: Policy }) {
  const [policy, setPolicy] = useState(initial);
  const [busy, setBusy] = useState(false);
  const category = categoryById(policy.category);

  useShareAppMessage(() => ({ title: policy.title, path: `${POLICY}/detail?id=${encodeURIComponent(policy.id)}` }));

  const call = () => {
    Taro.makePhoneCall({ phoneNumber: policy.department.phone }).catch(() => undefined);
  };

  const favorite = async () => {
    setBusy(true);
    try {
      const { favorited } = await toggleFavorite(policy.id);
      setPolicy((p) => ({ ...p, favorited }));
      void Taro.showToast({ title: favorited ? '已收藏，在「政策 → 我的收藏」里能找到' : '已取消收藏', icon: 'none' });
    } catch (e) {
      const message = isServiceError(e) && e.code === 'UNAUTHENTICATED' ? '请先在「我的」里登录，再收藏' : errorMessage(e);
      void Taro.showToast({ title: message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="policy-detail">
      <View className="policy-head">
        {policy.status !== 'published' ? <View className="policy-head__status">{STATUS_NOTE[policy.status]}</View> : null}
        <View className="policy-head__title" id="policy-title">
          {policy.title}
        </View>
        <View>
          <View className="tag tag--on-primary">{category?.name ?? policy.category}</View>
          <View className="tag tag--on-primary">
            {formatDay(policy.effectiveFrom)}起施行{policy.effectiveTo ? `，至${formatDay(policy.effectiveTo)}` : ''}
          </View>
        </View>
        <View className="policy-head__summary">{policy.summary}</View>
      </View>

      <View className="section">
        <View className="section__title">谁能享受</View>
        <View className="card card--padded">
          <View>
            {policy.eligibility.identities.map((id) => (
              <View key={id} className="tag">
                {identityName(id)}
              </View>
            ))}
          </View>
          {policy.eligibility.conditions.map((c, i) => (
            <View key={i} className="policy-bullet">
              {c}
            </View>
          ))}
        </View>
      </View>

      <View className="section">
        <View className="section__title">能享受什么</View>
        <Bullets items={policy.benefits} empty="以部门答复为准" />
      </View>

      <View className="section">
        <View className="section__title">要准备的材料</View>
        <Bullets items={policy.materials} empty="不需要准备材料" />
      </View>

      <View className="section">
        <View className="section__title">怎么办</View>
        <StepChecklist policy={policy} />
      </View>

      <View className="section">
        <View className="section__title">找谁办</View>
        <View className="card card--padded" id="policy-department">
          <View className="list-item__title">{policy.department.name}</View>
          <View className="list-item__desc">地址：{policy.department.address}</View>
          <View className="list-item__desc">时间：{policy.department.hours}</View>
          <Button className="btn btn--ghost btn--block policy-call" id="policy-call" onClick={call}>
            拨打 {policy.department.phone}
          </Button>
        </View>
      </View>

      <View className="section">
        <View className="section__title">政策依据</View>
        <View className="card card--padded">
          {policy.legalBasis.map((b, i) => (
            <View key={i} className="policy-bullet policy-law">
              {b.law}
              {b.article ? ` ${b.article}` : ''}
            </View>
          ))}
          <View className="policy-law__note">这里是政策要点的通俗说明，具体以法规原文和部门答复为准。</View>
        </View>
      </View>

      <View className="policy-bar">
        <Button
          className="btn btn--ghost policy-bar__btn"
          id="policy-favorite"
          onClick={() => void favorite()}
          disabled={busy || undefined}
        >
          {policy.favorited ? '★ 已收藏' : '☆ 收藏'}
        </Button>
        <ShareButton title={policy.title} />
        <Button
          className="btn btn--primary policy-bar__main"
          id="policy-ask"
          onClick={() => void Taro.navigateTo({ url: newRequestUrl(policy.category) })}
        >
          就这件事求助
        </Button>
      </View>
    </View>
  );
}

export default function PolicyDetailPage() {
  const { params } = useRouter();
  const id = param(params.id);
  const policy = useAsync(() => getPolicy(id), [id]);
  return (
    <PageShell className="page--with-bar">
      <Loaded state={policy} errorTitle="打不开这条政策">
        {(p) => <PolicyView key={p.id} initial={p} />}
      </Loaded>
    </PageShell>
  );
}
