import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MatchItem, MatchResult } from '../../../core/contracts/policies';
import { IDENTITY_TYPES } from '../../../core/data/identity-types';
import { useShownAgain } from '../../lib/use-shown-again';
import { useAsync } from '../../lib/use-async';
import { matchPolicies } from '../../services/policies';

const SHOWN = 4;

/** One policy from each category in turn, so the first few are not all 退役安置. */
function spread(result: MatchResult): MatchItem[] {
  const picked: MatchItem[] = [];
  for (let round = 0; picked.length < SHOWN && result.groups.some((g) => g.items.length > round); round++) {
    for (const g of result.groups) {
      const item = g.items[round];
      if (item && picked.length < SHOWN) picked.push(item);
    }
  }
  return picked;
}

/** 为您推荐: shown once the person's profile has identities (policies.match); nothing otherwise. */
export function RecommendedPolicies() {
  // No profile, no identities, not signed in or a failure: 首页 simply does without the card.
  const match = useAsync(() => matchPolicies().catch(() => null));
  // Back from saving a profile: match again with the new identities.
  useShownAgain(() => match.reload({ silent: true }));
  const result = match.status === 'ready' ? match.data : null;
  if (!result || result.total === 0) return null;
  const names = result.identities.map((id) => IDENTITY_TYPES.find((t) => t.id === id)?.name ?? id).join('、');
  return (
    <View className="section" id="home-recommended">
      <View className="section__title">为您推荐</View>
      <View className="section__hint">
        按您的身份（{names}），有 {result.total} 条政策可能用得上
      </View>
      <View className="card">
        {spread(result).map((p) => (
          <View
            key={p.id}
            className="list-item list-item--link"
            onClick={() => void Taro.navigateTo({ url: `/subpackages/policy/detail?id=${encodeURIComponent(p.id)}` })}
          >
            <View className="list-item__main">
              <View className="list-item__title">{p.title}</View>
              <View className="list-item__desc">{p.reason}</View>
            </View>
            <View className="list-item__arrow" />
          </View>
        ))}
        <View
          className="list-item list-item--link"
          id="home-recommended-all"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/policy/for-me' })}
        >
          <View className="list-item__main link">查看全部 {result.total} 条</View>
          <View className="list-item__arrow" />
        </View>
      </View>
    </View>
  );
}
