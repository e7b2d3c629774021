import { Image, View } from '@tarojs/components';
import { useState } from 'react';
import { STORY_KINDS, type StoryKind } from '../../../core/data/place-kinds';
import { ChoiceChips } from '../../components/choice-chips';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { listStories, type StorySummary } from '../../services/places';
import { monthDayText } from '../../../core/time';
import { storyKindName } from './story-kind';
import { openStory } from './links';
import { useCovers } from './use-covers';
import './places.css';

function StoryCard({ story: s, cover }: { story: StorySummary; cover: string }) {
  return (
    <View className="card pl-story" role="button" id={`story-${s.id}`} onClick={() => openStory(s.id)}>
      {cover ? <Image className="pl-story__cover" src={cover} mode="aspectFill" lazyLoad /> : null}
      <View className="pl-story__body">
        <View className="pl-story__title">{s.title}</View>
        <View className="pl-story__summary">{s.summary}</View>
        <View className="pl-story__meta">
          <View className="tag">{storyKindName(s.kind)}</View> {monthDayText(s.publishedAt)}
        </View>
      </View>
    </View>
  );
}

/** 双拥故事: the people and deeds the county holds up, newest first. */
export function StoriesFeed() {
  const [kind, setKind] = useState<StoryKind | null>(null);
  const stories = useAsync(() => listStories(kind ?? undefined), [kind]);
  const coverOf = useCovers(stories.data?.items.map((s) => s.cover) ?? []);

  return (
    <View className="section">
      <ChoiceChips
        id="story-kinds"
        label="按类别看"
        style={{ marginTop: '-8px', marginBottom: '12px' }}
        choices={[{ value: null, label: '全部' }, ...STORY_KINDS.map((k) => ({ value: k.id, label: k.name }))]}
        value={kind}
        onChange={setKind}
      />
      <Loaded
        state={stories}
        empty={{ when: (d) => d.items.length === 0, title: '这里还没有故事', description: '县里发布后会第一时间出现在这里' }}
      >
        {(d) => (
          <View id="stories">
            {d.items.map((s) => (
              <StoryCard key={s.id} story={s} cover={coverOf(s.cover)} />
            ))}
          </View>
        )}
      </Loaded>
    </View>
  );
}

export default function StoriesPage() {
  return (
    <PageShell>
      <StoriesFeed />
    </PageShell>
  );
}
