import { useRouter } from '@tarojs/taro';
import { StaffCaseView } from './case-view';

/** /subpackages/workbench/case?id=<caseId> from the inbox, or ?no=<trackingNo> from a phone enquiry. */
export default function WorkbenchCasePage() {
  const { params } = useRouter();
  return <StaffCaseView caseRef={{ id: params.id, no: params.no }} />;
}
