import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { mine, type CaseSummary } from '../../services/cases';
import { SlaMark, StatusTag } from './case-marks';
import { weekdayText } from '../../../core/time';
import { LocalOutbox } from './local-outbox';
import { openCase, openNewRequest } from './params';
import { useReadAgain } from './use-read-again';
import './cases.css';

const OPEN = new Set(['assigned', 'accepted', 'in_progress']);

function CaseRow({ c }: { c: CaseSummary }) {
  return (
    <View className="list-item list-item--link cs-row" role="button" onClick={() => openCase(c.caseId)} id={`case-${c.trackingNo}`}>
      <View className="list-item__main">
        <View className="cs-row__head">
          <View className="list-item__title">
            {c.categoryName}
            {c.urgent ? <View className="tag cs-urgent">紧急</View> : null}
          </View>
          <StatusTag status={c.status} text={c.statusText} />
        </View>
        <View className="list-item__desc cs-row__excerpt">{c.excerpt}</View>
        <View className="cs-row__meta">
          {c.departmentName}
          {OPEN.has(c.status) ? ` · ${weekdayText(c.dueAt)}前答复` : ''}
          <SlaMark sla={c.sla} />
        </View>
        <View className="cs-row__no">受理编号 {c.trackingNo}</View>
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}

/** 我的求助: every request this person made, newest first, with where each one stands. */
export function MyCases() {
  const first = useAsync(() => mine(1));
  const [more, setMore] = useState<{ items: CaseSummary[]; page: number; loading: boolean; error?: string }>({
    items: [],
    page: 1,
    loading: false,
  });

  const refresh = () => {
    setMore({ items: [], page: 1, loading: false });
    first.reload({ silent: true });
  };
  useReadAgain(refresh);

  const loadMore = () => {
    setMore((m) => ({ ...m, loading: true, error: undefined }));
    mine(more.page + 1).then(
      (answer) => setMore((m) => ({ items: [...m.items, ...answer.items], page: m.page + 1, loading: false })),
      (e: unknown) => setMore((m) => ({ ...m, loading: false, error: errorMessage(e) })),
    );
  };

  return (
    <Loaded state={first} errorTitle="没能读到您的求助">
      {(d) => {
        const items = [...d.items, ...more.items];
        if (items.length === 0) {
          return (
            <View>
              <EmptyState
                title="您还没有提交过求助"
                description="遇到困难不知道找谁，说一说就行，我们帮您转给负责的部门，并且一直跟到办好。"
                action={
                  <Button className="btn btn--primary" onClick={() => openNewRequest()} id="empty-new-request">
                    我要求助
                  </Button>
                }
              />
              <LocalOutbox />
            </View>
          );
        }

        return (
          <View>
            <View className="section">
              <View className="cs-mine-head">
                <View className="section__hint cs-mine-head__text">共 {d.total} 件。点开能看到办到哪一步、下一步是什么。</View>
                <Button className="btn btn--primary" onClick={() => openNewRequest()} id="mine-new-request">
                  我要求助
                </Button>
              </View>
              <View className="card" id="my-cases">
                {items.map((c) => (
                  <CaseRow key={c.caseId} c={c} />
                ))}
              </View>
              {items.length < d.total ? (
                <View className="actions">
                  <Button className="btn btn--ghost btn--block" disabled={more.loading || undefined} onClick={loadMore}>
                    {more.loading ? '正在加载…' : '加载更多'}
                  </Button>
                  {more.error ? <View className="field__error">{more.error}</View> : null}
                </View>
              ) : null}
            </View>
            <LocalOutbox />
          </View>
        );
      }}
    </Loaded>
  );
}

export default function MyCasesPage() {
  return (
    <PageShell>
      <MyCases />
    </PageShell>
  );
}
