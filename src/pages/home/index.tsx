import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { categoryFocusStore } from '../../lib/category-focus';
import { setElderMode, useElderMode } from '../../lib/elder-mode';
import { useAsync } from '../../lib/use-async';
import { getMeta } from '../../services/meta';
import { NearbyCard } from './nearby-card';
import { RecommendedPolicies } from './recommended';
import { SurveyCard } from './survey-card';

interface EntryProps {
  icon: string;
  title: string;
  desc: string;
  onClick: () => void;
}

function Entry({ icon, title, desc, onClick }: EntryProps) {
  return (
    <View className="entry" onClick={onClick} role="button">
      <View className="entry__icon">{icon}</View>
      <View>
        <View className="entry__title">{title}</View>
        <View className="entry__desc">{desc}</View>
      </View>
    </View>
  );
}

export default function HomePage() {
  const meta = useAsync(getMeta);
  const elder = useElderMode();

  const openCategory = async (id: string) => {
    // Either read what applies, or ask for help with it right away (the form opens on this category).
    const choice = await Taro.showActionSheet({ itemList: ['看看相关政策', '就这件事求助'] }).catch(() => null);
    if (choice?.tapIndex === 1) {
      void Taro.navigateTo({ url: `/subpackages/cases/new?category=${id}` });
    } else if (choice?.tapIndex === 0) {
      categoryFocusStore.set(id);
      void Taro.switchTab({ url: '/pages/policies/index' });
    }
  };

  return (
    <PageShell>
      <View className="hero">
        <View className="hero__title">您好，欢迎使用双拥服务</View>
        <View className="hero__text">为退役军人、军属和优抚对象办实事。政策看不明白、事情不知道找谁，都可以从这里开始。</View>
      </View>

      <View className="section">
        <View className="card entries">
          <Entry icon="政" title="查政策" desc="看看有哪些优待政策" onClick={() => void Taro.switchTab({ url: '/pages/policies/index' })} />
          <Entry
            icon="办"
            title="找部门办事"
            desc="什么事找哪个部门"
            onClick={() => void Taro.switchTab({ url: '/pages/services/index' })}
          />
          <Entry icon="助" title="我要求助" desc="说说遇到的困难" onClick={() => void Taro.navigateTo({ url: '/subpackages/cases/new' })} />
          <Entry
            icon="进"
            title="我的求助"
            desc="看看办到哪一步"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/cases/mine' })}
          />
          <Entry
            icon="聘"
            title="招聘会"
            desc="退役军人专场，在线报名"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/fairs/index' })}
          />
          <Entry
            icon="故"
            title="双拥故事"
            desc="身边的拥军优属故事"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/places/stories' })}
          />
          <Entry
            icon="我"
            title="我的信息"
            desc="填一次，办事少跑腿"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/profile/index' })}
          />
          <Entry
            icon="大"
            title={elder ? '长辈模式：已开' : '长辈模式'}
            desc={elder ? '再点一下恢复标准字号' : '字更大，看得更清楚'}
            onClick={() => setElderMode(!elder)}
          />
        </View>
      </View>

      <SurveyCard />

      <NearbyCard />

      <RecommendedPolicies />

      <View className="section">
        <View className="section__title">我们能帮您办这些事</View>
        <Loaded state={meta} empty={{ when: (m) => m.categories.length === 0, title: '暂时没有服务类别', description: '请稍后再来看看' }}>
          {(m) => (
            <View className="card">
              {m.categories.map((c) => (
                <View key={c.id} className="list-item list-item--link" onClick={() => void openCategory(c.id)}>
                  <View className="list-item__main">
                    <View className="list-item__title">{c.name}</View>
                    <View className="list-item__desc">{c.description}</View>
                  </View>
                  <View className="list-item__arrow" />
                </View>
              ))}
            </View>
          )}
        </Loaded>
      </View>
    </PageShell>
  );
}
