import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { NewRequest } from './new-request';
import './cases.css';

export default function NewRequestPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <NewRequest initialCategory={param(params.category) || undefined} />
    </PageShell>
  );
}
