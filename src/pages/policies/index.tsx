import { Button, Input, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { PolicySummary, SearchResult } from '../../../core/contracts/policies';
import { CATEGORIES, categoryById, type CategoryId } from '../../../core/data/categories';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { HighlightedText } from '../../components/highlighted-text';
import { Loaded } from '../../components/loaded';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { categoryFocusStore } from '../../lib/category-focus';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { cleanQuery, listPolicies, searchPolicies } from '../../services/policies';
import { getMe } from '../../services/users';
import './index.css';

/** Search as you type: wait this long after the last keystroke. */
const TYPING_PAUSE_MS = 250;
const PAGE_SIZE = 20;
const EXAMPLES = ['孩子上学', '优待证', '看病报销', '想开个店', 'fuxujin'];

const openPolicy = (id: string) => void Taro.navigateTo({ url: `/subpackages/policy/detail?id=${encodeURIComponent(id)}` });

function CategoryChips({ value, onChange }: { value: CategoryId | null; onChange: (id: CategoryId | null) => void }) {
  return (
    <ScrollView
      className="policy-chips"
      scrollX
      enhanced
      showScrollbar={false}
      scrollIntoView={value ? `chip-${value}` : 'chip-all'}
      role="radiogroup"
      aria-label="按类别看政策"
    >
      <View
        id="chip-all"
        className={`chip policy-chip${value ? '' : ' chip--on'}`}
        role="radio"
        aria-checked={!value}
        tabIndex={value ? -1 : 0}
        onClick={() => onChange(null)}
      >
        全部
      </View>
      {CATEGORIES.map((c) => (
        <View
          key={c.id}
          id={`chip-${c.id}`}
          className={`chip policy-chip${value === c.id ? ' chip--on' : ''}`}
          role="radio"
          aria-checked={value === c.id}
          tabIndex={value === c.id ? 0 : -1}
          onClick={() => onChange(c.id)}
        >
          {c.name}
        </View>
      ))}
    </ScrollView>
  );
}

function SummaryRow({ p }: { p: PolicySummary }) {
  return (
    <View className="list-item list-item--link policy-row" onClick={() => openPolicy(p.id)}>
      <View className="list-item__main">
        <View className="list-item__title">{p.title}</View>
        <View className="list-item__desc policy-row__summary">{p.summary}</View>
        <View>
          <View className="tag">{categoryById(p.category)?.name ?? p.category}</View>
          <View className="tag tag--plain">{p.departmentName}</View>
        </View>
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}

function SearchResults({ result, onAllCategories }: { result: SearchResult; onAllCategories?: () => void }) {
  if (result.items.length === 0) {
    return onAllCategories ? (
      <EmptyState
        title="这个类别里没有找到"
        description="去掉类别，在全部政策里找找看"
        action={
          <Button className="btn btn--ghost" onClick={onAllCategories}>
            在全部类别中查找
          </Button>
        }
      />
    ) : (
      <EmptyState title="没有找到相关政策" description="换个说法试试，比如「看病」「找工作」，或者直接在「办事」里提出求助" />
    );
  }
  return (
    <View>
      {result.understood.length > 0 ? (
        <View className="section__hint policy-understood">
          按{result.understood.map((w) => `「${w}」`).join('')}为您查找，共 {result.total} 条
        </View>
      ) : (
        <View className="section__hint policy-understood">共找到 {result.total} 条</View>
      )}
      <View className="card">
        {result.items.map((item) => (
          <View key={item.id} className="list-item list-item--link policy-row" onClick={() => openPolicy(item.id)}>
            <View className="list-item__main">
              <HighlightedText className="list-item__title policy-row__title" text={item.title} spans={item.highlights.title} />
              <View className="list-item__desc policy-row__summary">
                {item.snippet ? (
                  <HighlightedText text={item.snippet.text} spans={item.snippet.spans} />
                ) : (
                  <HighlightedText text={item.summary} spans={item.highlights.summary} />
                )}
              </View>
              <View className="tag">{categoryById(item.category)?.name ?? item.category}</View>
            </View>
            <View className="list-item__arrow" />
          </View>
        ))}
      </View>
    </View>
  );
}

/** The catalog by category, page by page. */
function Catalog({ category }: { category: CategoryId | null }) {
  const [pages, setPages] = useState(1);
  const [extra, setExtra] = useState<PolicySummary[]>([]);
  const [more, setMore] = useState<'idle' | 'loading' | 'error'>('idle');
  const first = useAsync(() => listPolicies(category ?? undefined, 1, PAGE_SIZE), [category]);

  const loadMore = async () => {
    setMore('loading');
    try {
      const next = await listPolicies(category ?? undefined, pages + 1, PAGE_SIZE);
      setExtra((e) => [...e, ...next.items]);
      setPages((n) => n + 1);
      setMore('idle');
    } catch {
      setMore('error');
    }
  };

  return (
    <Loaded
      state={first}
      empty={{ when: (d) => d.items.length === 0, title: '这个类别暂时没有政策', description: '政策录好后会出现在这里' }}
    >
      {(d) => {
        const items = [...d.items, ...extra];
        return (
          <View>
            <View className="section__hint policy-understood">
              {category ? `${categoryById(category)?.name ?? ''}类` : '全部'}共 {d.total} 条
            </View>
            <View className="card" id="policy-list">
              {items.map((p) => (
                <SummaryRow key={p.id} p={p} />
              ))}
            </View>
            {items.length < d.total ? (
              <View className="actions">
                <Button className="btn btn--ghost btn--block" onClick={() => void loadMore()} disabled={more === 'loading' || undefined}>
                  {more === 'loading' ? '正在加载…' : more === 'error' ? '没加载出来，再试一次' : '加载更多'}
                </Button>
              </View>
            ) : null}
          </View>
        );
      }}
    </Loaded>
  );
}

export default function PoliciesPage() {
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState<
    | { status: 'idle' }
    | { status: 'loading'; last?: SearchResult }
    | { status: 'ready'; result: SearchResult }
    | { status: 'error'; error: unknown }
  >({
    status: 'idle',
  });
  const request = useRef(0);
  const me = useAsync(() => getMe().catch(() => null));
  // Who is asking can change while the tab is hidden (signing in, a new role): ask again on return.
  useShownAgain(() => me.reload({ silent: true }));
  const query = cleanQuery(typed);

  // 首页 leaves the tapped category behind; show it once, then forget it.
  useDidShow(() => {
    const id = categoryFocusStore.get();
    if (!id) return;
    categoryFocusStore.set(null);
    if (categoryById(id)) setCategory(id as CategoryId);
  });

  useEffect(() => {
    if (!query) return;
    const mine = ++request.current;
    const timer = setTimeout(() => {
      setSearch((s) => ({ status: 'loading', last: s.status === 'ready' ? s.result : s.status === 'loading' ? s.last : undefined }));
      searchPolicies(query, category ?? undefined).then(
        (result) => mine === request.current && setSearch({ status: 'ready', result }),
        (error: unknown) => mine === request.current && setSearch({ status: 'error', error }),
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, category]);

  const shown = search.status === 'ready' ? search.result : search.status === 'loading' ? search.last : undefined;

  return (
    <PageShell>
      <View className="policy-search">
        <View className="policy-search__box">
          <Input
            id="policy-search"
            className="policy-search__input"
            type="text"
            confirmType="search"
            value={typed}
            maxlength={100}
            placeholder="搜政策，比如「孩子上学」「优待证」"
            placeholderClass="field__placeholder"
            onInput={(e) => setTyped(e.detail.value)}
          />
          {typed ? (
            <View className="policy-search__clear" onClick={() => setTyped('')} role="button" aria-label="清空">
              ×
            </View>
          ) : null}
        </View>
        <View className="policy-search__links">
          <Text className="link" onClick={() => void Taro.navigateTo({ url: '/subpackages/policy/favorites' })}>
            我的收藏
          </Text>
          <Text className="link" onClick={() => void Taro.navigateTo({ url: '/subpackages/policy/for-me' })}>
            适合我的
          </Text>
          {me.data?.role === 'admin' ? (
            <Text className="link" onClick={() => void Taro.navigateTo({ url: '/subpackages/policy/admin/index' })}>
              管理政策
            </Text>
          ) : null}
        </View>
      </View>
      <CategoryChips value={category} onChange={setCategory} />

      <View className="section">
        {query ? (
          <View>
            {search.status === 'loading' && !search.last ? <LoadingState text="正在查找…" /> : null}
            {search.status === 'error' ? <ErrorState error={search.error} title="没能查找" /> : null}
            {shown ? <SearchResults result={shown} onAllCategories={category ? () => setCategory(null) : undefined} /> : null}
          </View>
        ) : (
          <View>
            <View className="policy-examples">
              <Text className="policy-examples__label">大家常搜：</Text>
              {EXAMPLES.map((e) => (
                <Text key={e} className="tag tag--plain policy-example" onClick={() => setTyped(e)}>
                  {e}
                </Text>
              ))}
            </View>
            <Catalog category={category} />
          </View>
        )}
      </View>
      <View className="page-note">以上为示范县的政策汇编，具体以当地现行规定和部门答复为准。</View>
    </PageShell>
  );
}
