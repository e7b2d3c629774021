import { View } from '@tarojs/components';
import type { SlaLevel } from '../../../core/cases/deadlines';
import { SLA_LABEL } from './deadline';

/** 即将到期 in amber, 已超期 in red, 暂停计时 in grey; nothing while there is time. */
export function SlaMark({ sla }: { sla: SlaLevel }) {
  const label = SLA_LABEL[sla];
  if (!label) return null;
  return <View className={`tag sla sla--${sla}`}>{label}</View>;
}
