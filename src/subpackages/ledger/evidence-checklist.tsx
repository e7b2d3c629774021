import { Text, View } from '@tarojs/components';
import { evidenceChecklist } from '../../../core/ledger/evidence-needed';
import type { TaskDetail } from '../../services/ledger';

/**
 * What the standard's 佐证材料 asks for, item by item: 已有 with the evidence that answers it, or 待补.
 * The inspectors read the evidence against this list, so the unit sees what is still missing.
 */
export function EvidenceChecklist({ task }: { task: Pick<TaskDetail, 'evidenceNeeded' | 'evidence'> }) {
  const items = evidenceChecklist(task);
  if (items.length === 0) return null;
  const missing = items.filter((c) => !c.by).length;
  return (
    <View className="lg-checklist" id="evidence-checklist">
      <View className="lg-checklist__title">
        应备材料 {items.length} 项{missing ? `，还缺 ${missing} 项` : '，已齐'}
      </View>
      {items.map((c, i) => (
        <View key={c.item} className={`lg-checklist__item${c.by ? ' lg-checklist__item--done' : ''}`} id={`evidence-need-${i}`}>
          <Text className="lg-checklist__mark">{c.by ? '✓' : '○'}</Text>
          <Text className="lg-checklist__name">{c.item}</Text>
          <Text className="lg-checklist__state">{c.by ? `已有：${c.by.name}` : '待补'}</Text>
        </View>
      ))}
    </View>
  );
}
