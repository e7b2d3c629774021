import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PolicySummary } from '../../../core/contracts/policies';
import { categoryById } from '../../../core/data/categories';
import { openPolicy } from './params';

/** One policy in a list: title, summary, category and department; opens the detail page. */
export function PolicyRow({ policy, extra }: { policy: PolicySummary; extra?: ReactNode }) {
  return (
    <View className="list-item list-item--link" onClick={() => openPolicy(policy.id)}>
      <View className="list-item__main">
        <View className="list-item__title">{policy.title}</View>
        <View className="list-item__desc">{policy.summary}</View>
        {extra}
        <View>
          <View className="tag">{categoryById(policy.category)?.name ?? policy.category}</View>
          <View className="tag tag--plain">{policy.departmentName}</View>
        </View>
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}
