import { useRouter } from '@tarojs/taro';
import { OfficeCaseView } from './case-view';

/** /subpackages/office/case?id=<caseId> from a list, or ?no=<trackingNo> from a phone enquiry. */
export default function OfficeCasePage() {
  const { params } = useRouter();
  return <OfficeCaseView caseRef={{ id: params.id, no: params.no }} />;
}
