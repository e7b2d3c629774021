import { Button, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { listActivities, listPlaces, listStories, type Place } from '../../services/places';
import { AdminGate } from './admin-gate';
import { monthDayText, spanText } from '../../../core/time';
import { PLACES } from './links';
import { storyKindName } from './story-kind';
import './places.css';

type Tab = 'places' | 'stories' | 'activities';
const TABS: { id: Tab; name: string; add: string; editor: string }[] = [
  { id: 'places', name: '地点', add: '新增地点', editor: 'place-edit' },
  { id: 'stories', name: '故事', add: '发布故事', editor: 'story-edit' },
  { id: 'activities', name: '志愿活动', add: '发布活动', editor: 'activity-edit' },
];

const edit = (editor: string, id?: string) =>
  void Taro.navigateTo({ url: `${PLACES}/${editor}${id ? `?id=${encodeURIComponent(id)}` : ''}` });

/** Every place, a page at a time (the list action answers at most 50). */
async function allPlaces(): Promise<Place[]> {
  const out: Place[] = [];
  for (let page = 1; ; page++) {
    const answer = await listPlaces({ page, pageSize: 50 });
    out.push(...answer.items);
    if (out.length >= answer.total || answer.items.length === 0) return out;
  }
}

interface Row {
  id: string;
  title: string;
  desc: string;
}

async function rowsOf(tab: Tab): Promise<Row[]> {
  if (tab === 'places')
    return (await allPlaces()).map((p) => ({
      id: p.id,
      title: p.name,
      desc: `${p.kindName} · ${p.regionName}${p.preferential ? ' · 可用优待证' : ''}`,
    }));
  if (tab === 'stories')
    return (await listStories(undefined, 1, 50)).items.map((s) => ({
      id: s.id,
      title: s.title,
      desc: `${storyKindName(s.kind)} · ${monthDayText(s.publishedAt)}`,
    }));
  return (await listActivities()).items.map((a) => ({
    id: a.id,
    title: a.title,
    desc: `${spanText(a.startAt, a.endAt)} · 已报 ${a.capacity - a.seatsLeft}/${a.capacity}${a.waitlistCount ? `，候补 ${a.waitlistCount}` : ''}`,
  }));
}

function Manage() {
  const [tab, setTab] = useState<Tab>('places');
  const rows = useAsync(() => rowsOf(tab), [tab]);
  // Back from an editor: show what was saved. (Behind the admin gate this mounts after the page's
  // first show, so "shown before" is counted from mounting.)
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
  }, []);
  useDidShow(() => {
    if (mounted.current) rows.reload({ silent: true });
  });
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]!;

  return (
    <View className="section">
      <View className="chips" style={{ marginTop: '-8px' }} role="tablist">
        {TABS.map((t) => (
          <View
            key={t.id}
            className={`chip${t.id === tab ? ' chip--on' : ''}`}
            role="tab"
            aria-selected={t.id === tab}
            onClick={() => setTab(t.id)}
          >
            {t.name}
          </View>
        ))}
      </View>
      <View style={{ display: 'flex', margin: '12px 0' }}>
        <Button className="btn btn--primary" id="manage-add" onClick={() => edit(current.editor)}>
          {current.add}
        </Button>
      </View>
      {tab === 'stories' ? <View className="section__hint">这里只列出已发布的故事，草稿暂时不能在列表里找到。</View> : null}
      <Loaded state={rows} empty={{ when: (d) => d.length === 0, title: '这里还是空的' }}>
        {(d) => (
          <View className="card" id="manage-list">
            {d.map((r) => (
              <View
                key={r.id}
                className="list-item list-item--link"
                role="button"
                id={`manage-${r.id}`}
                onClick={() => edit(current.editor, r.id)}
              >
                <View className="list-item__main">
                  <View className="list-item__title">{r.title}</View>
                  <View className="list-item__desc">{r.desc}</View>
                </View>
                <View className="list-item__arrow" />
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </View>
  );
}

/** 管理身边: places, stories and volunteer activities, for admins. */
export default function ManagePage() {
  return (
    <AdminGate>
      <PageShell>
        <Manage />
      </PageShell>
    </AdminGate>
  );
}
