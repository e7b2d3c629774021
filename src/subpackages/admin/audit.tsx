import { Button, Input, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_NAMES, type Role } from '../../../core/roles';
import { describeChina } from '../../../core/time';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import type { AsyncState } from '../../lib/use-async';
import { auditTrail, lookup, type AuditEntry, type StaffCase } from '../../services/cases';
import { AuditSearch } from './audit-search';
import { RetentionForm } from './retention-form';
import './settings.css';

const ACTIONS: Record<string, string> = {
  view: '查看',
  lookup: '按受理编号查询',
  accept: '签收',
  reply: '答复',
  requestInfo: '要求补充材料',
  resolve: '办结',
  return: '退回双拥办',
  note: '写内部备注',
  assign: '分派 / 改派',
  urge: '督办',
  followUp: '记录回访',
  rateSolved: '评价',
};

const TRACKING_NO = /^SY\d{9}$/i;

type Result = AsyncState<{ c: StaffCase | null; caseId: string; items: AuditEntry[] }>;

/** Who looked at or changed a case, and when: every staff and 双拥办 view and action is recorded. */
export default function AuditPage() {
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const search = async () => {
    const q = query.trim();
    if (!q) {
      setError('请填写受理编号或求助编号');
      return;
    }
    setError(null);
    setResult({ status: 'loading' });
    try {
      // A tracking number is what people read out; the case id is what the system logs carry.
      const c = TRACKING_NO.test(q) ? await lookup(q.toUpperCase()) : null;
      const caseId = c?.caseId ?? q;
      const { items } = await auditTrail(caseId);
      setResult({ status: 'ready', data: { c, caseId, items } });
    } catch (e) {
      setResult({ status: 'error', error: e });
    }
  };

  return (
    <PageShell>
      <View className="section">
        <View className="section__hint">部门工作人员和双拥办每一次查看、办理求助都有记录。输入受理编号（SY 开头）或求助编号查看。</View>
        <View className="card card--padded">
          <View className="settings-form__row" style={{ marginTop: 0 }}>
            <View className="settings-form__picker" id="audit-query">
              <Input
                className="settings-input"
                value={query}
                placeholder="例如 SY261128001"
                placeholderClass="field__placeholder"
                onInput={(e) => setQuery(e.detail.value)}
                onConfirm={() => void search()}
              />
            </View>
            <Button className="btn btn--primary btn--small" style={{ marginLeft: '8px' }} onClick={() => void search()} id="audit-search">
              查看记录
            </Button>
          </View>
          {error ? (
            <View className="field__error" role="alert">
              {error}
            </View>
          ) : null}
        </View>
      </View>

      <Loaded state={result} errorTitle="没能查到" onRetry={false}>
        {({ c, caseId, items }) => (
          <View className="section">
            <View className="section__title">{c ? `${c.trackingNo} · ${c.categoryName} · ${c.departmentName}` : `求助编号 ${caseId}`}</View>
            {items.length === 0 ? (
              <EmptyState title="没有操作记录" description="这个编号下没有工作人员查看或办理过，或者编号不对" />
            ) : (
              <View className="card" id="audit-list">
                {items.map((e, i) => (
                  <View key={`${e.at}-${i}`} className="list-item settings-row">
                    <View className="list-item__main">
                      <View className="list-item__title">
                        {ROLE_NAMES[e.role as Role] ?? e.role} · {ACTIONS[e.action] ?? e.action}
                      </View>
                      <View className="list-item__desc">{describeChina(new Date(e.at))}</View>
                      <View className="audit-openid">{e.openid}</View>
                    </View>
                  </View>
                ))}
              </View>
            )}
          </View>
        )}
      </Loaded>

      <AuditSearch />
      <RetentionForm />
    </PageShell>
  );
}
