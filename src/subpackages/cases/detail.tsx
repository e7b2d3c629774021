import { useRouter } from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { CaseView } from './case-view';
import './cases.css';

export default function CasePage() {
  const { params } = useRouter();
  const caseId = param(params.id);
  return (
    <PageShell>
      {caseId ? <CaseView caseId={caseId} /> : <EmptyState title="没有指明是哪件求助" description="请从“我的求助”里点开。" />}
    </PageShell>
  );
}
