import { Button, Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { policyFields, type HistoryEntry, type Policy, type PolicyFields, type PolicyStatus } from '../../../../core/contracts/policies';
import { CATEGORIES } from '../../../../core/data/categories';
import { IDENTITY_TYPES } from '../../../../core/data/identity-types';
import { activeUnits, unitById, unitShortName, type Organization } from '../../../../core/org/model';
import { ChoiceChips } from '../../../components/choice-chips';
import { errorMessage } from '../../../components/error-state';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { TextArea } from '../../../components/text-input';
import { useOrganization } from '../../../components/use-organization';
import { param } from '../../../lib/page-params';
import { useAsync } from '../../../lib/use-async';
import { getPolicy, policyHistory, savePolicy, setPolicyStatus } from '../../../services/policies';
import { POLICY } from '../params';
import '../policy.css';

/** The form's own state: lists are edited one item a line. */
interface Draft {
  title: string;
  category: string;
  summary: string;
  identities: string[];
  conditions: string;
  benefits: string;
  materials: string;
  steps: string;
  departmentId: string;
  departmentName: string;
  phone: string;
  address: string;
  hours: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string;
  keywords: string;
  note: string;
}

const ACTIONS: Record<HistoryEntry['action'], string> = {
  create: '新建',
  edit: '修改',
  publish: '发布',
  archive: '下线',
  unpublish: '撤回为草稿',
};
const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  category: '类别',
  summary: '简介',
  eligibility: '适用对象',
  benefits: '待遇',
  materials: '材料',
  steps: '步骤',
  department: '部门',
  legalBasis: '依据',
  effectiveFrom: '施行日期',
  effectiveTo: '截止日期',
  keywords: '关键词',
  status: '状态',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A new policy starts with no unit: choosing one fills in its name and contact as the county recorded them. */
const NO_CONTACT = { id: '', name: '', phone: '', address: '', hours: '' };

/** The contact a policy shows for a unit: its full name and the office the county recorded for it. */
export function contactOf(org: Organization, id: string) {
  const unit = unitById(org, id);
  return {
    departmentId: id,
    departmentName: unit?.name ?? '',
    phone: unit?.contact.phone ?? '',
    address: unit?.contact.address ?? '',
    hours: unit?.contact.hours ?? '',
  };
}

function draftOf(p?: Policy): Draft {
  const contact = p?.department ?? NO_CONTACT;
  return {
    title: p?.title ?? '',
    category: p?.category ?? '',
    summary: p?.summary ?? '',
    identities: p ? [...p.eligibility.identities] : [],
    conditions: p?.eligibility.conditions.join('\n') ?? '',
    benefits: p?.benefits.join('\n') ?? '',
    materials: p?.materials.join('\n') ?? '',
    steps: p?.steps.join('\n') ?? '',
    departmentId: contact.id,
    departmentName: contact.name,
    phone: contact.phone,
    address: contact.address,
    hours: contact.hours,
    legalBasis: p?.legalBasis.map((b) => `${b.law}${b.article ? ` ${b.article}` : ''}`).join('\n') ?? '',
    effectiveFrom: p?.effectiveFrom ?? '',
    effectiveTo: p?.effectiveTo ?? '',
    keywords: p?.keywords?.join(' ') ?? '',
    note: '',
  };
}

/** The draft as the contract's fields; the contract's own schema says what is wrong. */
export function fieldsOf(d: Draft): { fields?: PolicyFields; problems: string[] } {
  const candidate = {
    title: d.title,
    category: d.category,
    summary: d.summary,
    eligibility: { identities: d.identities, conditions: lines(d.conditions) },
    benefits: lines(d.benefits),
    materials: lines(d.materials),
    steps: lines(d.steps),
    department: { id: d.departmentId, name: d.departmentName, phone: d.phone, address: d.address, hours: d.hours },
    legalBasis: lines(d.legalBasis).map((line) => {
      const m = /^(《[^》]+》(?:（[^）]*）)?)\s*(.*)$/.exec(line);
      return m?.[2] ? { law: m[1]!, article: m[2] } : { law: m?.[1] ?? line };
    }),
    effectiveFrom: d.effectiveFrom.trim(),
    ...(d.effectiveTo.trim() ? { effectiveTo: d.effectiveTo.trim() } : {}),
    ...(d.keywords.trim() ? { keywords: d.keywords.split(/[\s,，、]+/).filter(Boolean) } : {}),
  };
  const parsed = policyFields.safeParse(candidate);
  if (parsed.success) return { fields: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((i) => `${FIELD_NAMES[String(i.path[0])] ?? String(i.path[0])}：${i.message}`) };
}

function Field({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) {
  return (
    <View className="field">
      <View className="field__label">{label}</View>
      {children}
      {hint ? <View className="field__label policy-history">{hint}</View> : null}
    </View>
  );
}

function PolicyForm({ policy, history, onSaved }: { policy?: Policy; history: HistoryEntry[]; onSaved: (p: Policy) => void }) {
  const org = useOrganization();
  // The units that take new work, and the policy's own unit even if the county has since retired it.
  const units = activeUnits(org).map((u) => u.id);
  if (policy && !units.includes(policy.department.id)) units.push(policy.department.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft, label: string, placeholder = '') => (
    <Field label={label}>
      <Input
        className="field__input"
        id={`policy-${key}`}
        value={String(draft[key])}
        placeholder={placeholder}
        nativeProps={{ 'aria-label': label }}
        placeholderClass="field__placeholder"
        onInput={(e) => set(key, e.detail.value as never)}
      />
    </Field>
  );
  const area = (key: keyof Draft, label: string, hint: string) => (
    <Field label={label} hint={hint}>
      <TextArea id={`policy-${key}`} label={label} value={String(draft[key])} maxlength={3000} onChange={(v) => set(key, v as never)} />
    </Field>
  );

  const save = async () => {
    const { fields, problems: found } = fieldsOf(draft);
    setProblems(found);
    if (!fields) return;
    setBusy(true);
    try {
      const saved = await savePolicy(fields, policy?.id, policy?.version, draft.note.trim() || undefined);
      void Taro.showToast({ title: policy ? '已保存修改' : '已存为草稿', icon: 'success' });
      onSaved(saved);
    } catch (e) {
      void Taro.showModal({ title: '没能保存', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const changeStatus = async (status: PolicyStatus, confirmText: string, content: string) => {
    if (!policy) return;
    const { confirm } = await Taro.showModal({ title: confirmText, content, confirmText, cancelText: '取消' });
    if (!confirm) return;
    setBusy(true);
    try {
      onSaved(await setPolicyStatus(policy.id, status));
      void Taro.showToast({ title: `已${confirmText}`, icon: 'success' });
    } catch (e) {
      void Taro.showModal({ title: '没能完成', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      {policy ? (
        <View className="section">
          <View className="card card--padded">
            <View className="list-item__title">
              {policy.status === 'published' ? '已发布' : policy.status === 'draft' ? '草稿' : '已下线'} · 第 {policy.version} 版
            </View>
            <View className="list-item__desc">
              {policy.status === 'published' ? '群众正在看这个版本；保存修改后立即更新。' : '群众看不到这条政策。'}
            </View>
          </View>
        </View>
      ) : null}
      <View className="section">
        <View className="card">
          {text('title', '标题（40 字内）', '例如：退役军人优待证申领')}
          <Field label="类别">
            <ChoiceChips
              label="类别"
              choices={CATEGORIES.map((c) => ({ value: c.id, label: c.name }))}
              value={draft.category}
              onChange={(c) => set('category', c)}
            />
          </Field>
          {area('summary', '简介（200 字内）', '一两句话说清楚谁能享受、享受什么')}
          <Field label="适用对象">
            <ChoiceChips
              multiple
              label="适用对象"
              choices={IDENTITY_TYPES.map((t) => ({ value: t.id, label: t.name }))}
              value={draft.identities}
              onChange={(list) => set('identities', list)}
            />
          </Field>
          {area('conditions', '还需满足的条件', '一行一条，可以不填')}
          {area('benefits', '能享受什么', '一行一条')}
          {area('materials', '要准备的材料', '一行一条')}
          {area('steps', '办理步骤', '一行一步，按顺序')}
        </View>
      </View>
      <View className="section">
        <View className="section__title">负责部门</View>
        <View className="card">
          <Field label="部门">
            <ChoiceChips
              label="部门"
              choices={units.map((id) => ({ value: id, label: unitShortName(org, id) }))}
              value={draft.departmentId}
              onChange={(id) => setDraft((x) => ({ ...x, ...contactOf(org, id) }))}
            />
          </Field>
          {text('departmentName', '部门名称')}
          {text('phone', '电话')}
          {text('address', '地址')}
          {text('hours', '办公时间')}
        </View>
      </View>
      <View className="section">
        <View className="section__title">依据和日期</View>
        <View className="card">
          {area('legalBasis', '政策依据', '一行一条，如：《中华人民共和国退役军人保障法》 第五章 就业创业')}
          {text('effectiveFrom', '施行日期', 'YYYY-MM-DD')}
          {text('effectiveTo', '截止日期（没有就空着）', 'YYYY-MM-DD')}
          {text('keywords', '群众常用的说法（空格分开）', '例如：开店 贷款')}
          {policy ? text('note', '这次改了什么（记入修改记录）') : null}
        </View>
      </View>
      {problems.length ? (
        <View className="section" id="policy-problems">
          <View className="card card--padded">
            {problems.map((p, i) => (
              <View key={i} className="field__error">
                {p}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <View className="actions">
        <Button className="btn btn--primary btn--block" id="policy-save" onClick={() => void save()} disabled={busy || undefined}>
          {policy ? '保存修改' : '存为草稿'}
        </Button>
        {policy && policy.status !== 'published' ? (
          <Button
            className="btn btn--ghost btn--block"
            id="policy-publish"
            disabled={busy || undefined}
            onClick={() => void changeStatus('published', '发布', '发布后群众马上就能搜到、看到这条政策。')}
          >
            发布
          </Button>
        ) : null}
        {policy && policy.status === 'published' ? (
          <Button
            className="btn btn--danger btn--block"
            id="policy-archive"
            disabled={busy || undefined}
            onClick={() => void changeStatus('archived', '下线', '下线后群众就看不到了，收藏过的人也不再显示。修改记录会保留。')}
          >
            下线
          </Button>
        ) : null}
      </View>
      {policy ? (
        <View className="section" id="policy-history">
          <View className="section__title">修改记录</View>
          <View className="card">
            {history.length === 0 ? (
              <View className="list-item">
                <View className="list-item__desc">这是导入的初始版本，还没有人修改过。</View>
              </View>
            ) : null}
            {history.map((h) => (
              <View key={h.id} className="list-item">
                <View className="list-item__main">
                  <View className="list-item__title">
                    第 {h.version} 版 · {ACTIONS[h.action]}
                  </View>
                  <View className="list-item__desc">
                    {h.at.slice(0, 16).replace('T', ' ')} · {h.by}
                    {h.changes.length && h.action === 'edit' ? ` · 改了${h.changes.map((c) => FIELD_NAMES[c] ?? c).join('、')}` : ''}
                    {h.note ? ` · ${h.note}` : ''}
                  </View>
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function PolicyEditPage() {
  const { params } = useRouter();
  const [id, setId] = useState(param(params.id));
  const data = useAsync(
    async (): Promise<[Policy | undefined, HistoryEntry[]]> =>
      id ? Promise.all([getPolicy(id), policyHistory(id).then((h) => h.items)]) : [undefined, []],
    [id],
  );
  const onSaved = (p: Policy) => {
    if (p.id !== id) {
      // A new draft: keep editing it here, with its history.
      setId(p.id);
      return;
    }
    data.reload({ silent: true });
  };
  return (
    <PageShell>
      <Loaded state={data} errorTitle="打不开这条政策">
        {([policy, history]) => (
          <PolicyForm key={`${policy?.id ?? 'new'}-${policy?.version ?? 0}`} policy={policy} history={history} onSaved={onSaved} />
        )}
      </Loaded>
      {id ? (
        <View className="page-note">
          <View className="link" onClick={() => void Taro.navigateTo({ url: `${POLICY}/detail?id=${encodeURIComponent(id)}` })}>
            看看详情页的样子
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
