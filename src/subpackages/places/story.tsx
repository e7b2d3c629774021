import { Image, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { getStory } from '../../services/places';
import { monthDayText } from '../../../core/time';
import { PLACES } from './links';
import { useCovers } from './use-covers';
import { ShareButton } from './share';
import { storyKindName } from './story-kind';
import './places.css';

export function StoryArticle({ id }: { id: string }) {
  const story = useAsync(() => getStory(id), [id]);
  const coverOf = useCovers([story.data?.cover]);

  // WeChat's share card: the story's own title, opening this page.
  useShareAppMessage(() => ({
    title: story.status === 'ready' ? story.data.title : '双拥故事',
    path: `${PLACES}/story?id=${encodeURIComponent(id)}`,
  }));

  if (!id) return <EmptyState title="没有找到这篇故事" />;
  return (
    <Loaded state={story}>
      {(s) => {
        const paragraphs = s.body.split(/\n+/).filter((p) => p.trim());

        return (
          <View>
            <View className="section">
              <View className="card card--padded">
                <View className="pl-article__title" id="story-title">
                  {s.title}
                </View>
                <View className="pl-story__meta">
                  <View className="tag">{storyKindName(s.kind)}</View> {monthDayText(s.publishedAt)}
                </View>
                {coverOf(s.cover) ? <Image className="pl-article__cover" src={coverOf(s.cover)} mode="aspectFill" /> : null}
                <View className="pl-article__summary">{s.summary}</View>
                <View id="story-body">
                  {paragraphs.map((p, i) => (
                    <View key={i} className="pl-article__p">
                      {p}
                    </View>
                  ))}
                </View>
              </View>
            </View>
            <View className="actions">
              <ShareButton title={s.title} />
            </View>
          </View>
        );
      }}
    </Loaded>
  );
}

export default function StoryPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <StoryArticle id={param(params.id)} />
    </PageShell>
  );
}
