import { Button, Input, Picker, View } from '@tarojs/components';
import { useState } from 'react';
import { AUDIT_ACTION_TEXT, AUDIT_ACTIONS } from '../../../core/audit';
import { unitShortName } from '../../../core/org/model';
import { ROLE_NAMES, type Role } from '../../../core/roles';
import { describeChina } from '../../../core/time';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { useOrganization } from '../../components/use-organization';
import { dayText } from '../../../core/time';
import type { AsyncState } from '../../lib/use-async';
import { searchAuditLog, type AuditLogPage, type AuditLogQuery } from '../../services/users';
import { Choose } from './choose';

const OPERATION_NAMES = AUDIT_ACTIONS.map((a) => AUDIT_ACTION_TEXT[a]);
const OBJECT_TEXT: Record<string, string> = { case: '求助', fair: '招聘会', activity: '志愿活动', audit: '操作记录' };
const PAGE_SIZE = 20;

type Found = AsyncState<{ query: AuditLogQuery; page: AuditLogPage }>;

function DayPicker({ value, placeholder, id, onPick }: { value: string; placeholder: string; id: string; onPick: (day: string) => void }) {
  return (
    <Picker mode="date" value={value || '2026-01-01'} onChange={(e) => onPick(String(e.detail.value))} className="settings-form__picker">
      <View className={`picker-box${value ? '' : ' picker-box--empty'}`} id={id}>
        {value ? dayText(value) : placeholder}
      </View>
    </Picker>
  );
}

/** Who looked at whose personal data: the whole trail, by unit, operation, person and date. */
export function AuditSearch() {
  // Every unit, retired ones too: the trail keeps what they did.
  const org = useOrganization();
  const units = org.units;
  const [dept, setDept] = useState(-1);
  const [operation, setOperation] = useState(-1);
  const [openid, setOpenid] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [more, setMore] = useState(false);

  const search = async () => {
    if (from && to && from > to) {
      setError('开始日期不能晚于结束日期');
      return;
    }
    setError(null);
    const query: AuditLogQuery = {
      ...(dept >= 0 ? { departmentId: units[dept]?.id } : {}),
      ...(operation >= 0 ? { operation: AUDIT_ACTIONS[operation] } : {}),
      ...(openid.trim() ? { openid: openid.trim() } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    setFound({ status: 'loading' });
    try {
      setFound({ status: 'ready', data: { query, page: await searchAuditLog({ ...query, page: 1, pageSize: PAGE_SIZE }) } });
    } catch (e) {
      setFound({ status: 'error', error: e });
    }
  };

  const loadMore = async () => {
    if (found?.status !== 'ready') return;
    setMore(true);
    try {
      const { query, page } = found.data;
      const next = await searchAuditLog({ ...query, page: page.page + 1, pageSize: PAGE_SIZE });
      setFound({ status: 'ready', data: { query, page: { ...next, items: [...page.items, ...next.items] } } });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setMore(false);
    }
  };

  return (
    <View className="section">
      <View className="section__title">按单位、操作、人员和日期查</View>
      <View className="section__hint">查看名单、导出名单、看到完整手机号、查操作记录本身，都会留下记录。不选就是不限。</View>
      <View className="card card--padded settings-form" id="audit-log-form">
        <View className="settings-form__row" style={{ marginTop: 0 }}>
          <Choose
            names={units.map((u) => (u.retired ? `${u.name}（已撤销）` : u.name))}
            index={dept}
            placeholder="所有单位"
            onPick={setDept}
            id="audit-log-dept"
          />
        </View>
        <View className="settings-form__row">
          <Choose names={OPERATION_NAMES} index={operation} placeholder="所有操作" onPick={setOperation} id="audit-log-operation" />
        </View>
        <View className="settings-form__row">
          <DayPicker value={from} placeholder="从哪天" id="audit-log-from" onPick={setFrom} />
          <View style={{ width: '8px' }} />
          <DayPicker value={to} placeholder="到哪天" id="audit-log-to" onPick={setTo} />
        </View>
        <View className="settings-form__row">
          <View className="settings-form__picker" id="audit-log-openid">
            <Input
              className="settings-input"
              value={openid}
              maxlength={128}
              placeholder="工作人员的微信标识（可不填）"
              placeholderClass="field__placeholder"
              onInput={(e) => setOpenid(e.detail.value)}
              onConfirm={() => void search()}
            />
          </View>
        </View>
        {error ? (
          <View className="field__error" role="alert">
            {error}
          </View>
        ) : null}
        <View className="settings-form__row">
          <Button className="btn btn--primary" onClick={() => void search()} id="audit-log-search">
            查询
          </Button>
          <Button
            className="btn btn--ghost"
            style={{ marginLeft: '8px' }}
            onClick={() => {
              setDept(-1);
              setOperation(-1);
              setOpenid('');
              setFrom('');
              setTo('');
              setFound(null);
              setError(null);
            }}
          >
            清空条件
          </Button>
        </View>
      </View>

      <Loaded
        state={found}
        errorTitle="没能查到"
        onRetry={() => void search()}
        empty={{ when: ({ page }) => page.items.length === 0, title: '没有符合条件的记录', description: '换个日期或单位再查' }}
      >
        {({ page }) => (
          <View>
            <View className="section__hint" id="audit-log-total">
              共 {page.total} 条，最新的在前
            </View>
            <View className="card" id="audit-log-list">
              {page.items.map((e, i) => (
                <View key={`${e.at}-${i}`} className="list-item settings-row">
                  <View className="list-item__main">
                    <View className="list-item__title">
                      {e.departmentId ? `${unitShortName(org, e.departmentId)} · ` : ''}
                      {ROLE_NAMES[e.role as Role] ?? e.role} · {e.actionText}
                      {e.revealed ? '（看到了完整手机号）' : ''}
                    </View>
                    <View className="list-item__desc">
                      {describeChina(new Date(e.at))} · {OBJECT_TEXT[e.objectType] ?? e.objectType} {e.objectId}
                    </View>
                    <View className="audit-openid">{e.openid}</View>
                  </View>
                </View>
              ))}
            </View>
            {page.items.length < page.total ? (
              <View className="state__action">
                <Button className="btn btn--ghost" disabled={more || undefined} onClick={() => void loadMore()} id="audit-log-more">
                  {more ? '正在加载…' : '再看 20 条'}
                </Button>
              </View>
            ) : null}
          </View>
        )}
      </Loaded>
    </View>
  );
}
