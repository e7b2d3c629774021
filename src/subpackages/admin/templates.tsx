import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { casesContract } from '../../../core/contracts/cases';
import { CATEGORIES, categoryById, type CategoryId } from '../../../core/data/categories';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { errorMessage } from '../../components/error-state';
import { FilterTabs } from '../../components/filter-tabs';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { TextArea } from '../../components/text-input';
import { useAsync } from '../../lib/use-async';
import { validate } from '../../lib/validate';
import { removeTemplate, saveTemplate, templates, type AnswerTemplate } from '../../services/cases';
import './index.css';
import './settings.css';

interface Draft {
  id?: string;
  category: CategoryId | '';
  title: string;
  text: string;
}

function TemplateForm({ draft, onSaved, onCancel }: { draft: Draft; onSaved: (t: AnswerTemplate) => void; onCancel: () => void }) {
  const [form, setForm] = useState<Draft>(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    const checked = validate(casesContract.saveTemplate, {
      ...(form.id ? { id: form.id } : {}),
      category: form.category,
      title: form.title,
      text: form.text,
    });
    if (!checked.ok) {
      // The contract's category enum has no message of its own: say it in words here.
      setErrors({ ...checked.errors, ...(form.category ? {} : { category: '请选择事项类别' }) });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await saveTemplate(checked.data));
    } catch (e) {
      setErrors({ _: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <View className="card card--padded settings-form" id="template-form">
      <View className="section__title">{form.id ? '修改答复模板' : '新建答复模板'}</View>
      <View className="field__label">事项类别</View>
      <ChoiceChips
        label="事项类别"
        id="template-category"
        choices={CATEGORIES.map((c) => ({ value: c.id, label: c.name }))}
        value={form.category}
        onChange={(category) => set({ category })}
      />
      {errors.category ? <View className="field__error">{errors.category}</View> : null}
      <View className="field__label" style={{ marginTop: '12px' }}>
        标题（工作人员选模板时看到的）
      </View>
      <View id="template-title">
        <Input
          className="settings-input"
          value={form.title}
          maxlength={30}
          placeholder="例如：入学优待的办理流程"
          placeholderClass="field__placeholder"
          onInput={(e) => set({ title: e.detail.value })}
        />
      </View>
      {errors.title ? <View className="field__error">{errors.title}</View> : null}
      <View className="field__label" style={{ marginTop: '12px' }}>
        答复内容
      </View>
      <View id="template-text">
        <TextArea
          look="boxed"
          label="答复内容"
          value={form.text}
          maxlength={500}
          placeholder="用群众听得懂的话写：怎么办、找谁、要带什么、多久办好"
          onChange={(text) => set({ text })}
        />
      </View>
      {errors.text ? <View className="field__error">{errors.text}</View> : null}
      {errors._ ? (
        <View className="field__error" role="alert">
          {errors._}
        </View>
      ) : null}
      <View className="settings-form__actions">
        <Button className={`btn btn--ghost${busy ? ' btn--disabled' : ''}`} aria-disabled={busy} onClick={busy ? undefined : onCancel}>
          取消
        </Button>
        <Button
          className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
          aria-disabled={busy}
          onClick={busy ? undefined : () => void submit()}
          id="template-save"
        >
          {busy ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}

/** Answer templates per category: staff pick one when replying and change it to fit the case. */
export default function TemplatesPage() {
  const list = useAsync(() => templates());
  const [editing, setEditing] = useState<Draft | null>(null);
  const [filter, setFilter] = useState<CategoryId | 'all'>('all');

  const saved = () => {
    setEditing(null);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    list.reload({ silent: true });
    // Every category is listed under 全部, the new one among them.
    setFilter('all');
  };

  const remove = async (t: AnswerTemplate) => {
    const { confirm } = await Taro.showModal({
      title: '删除模板',
      content: `删除「${t.title}」后，工作人员就不能再选用它了，已经发出的答复不受影响。确定删除吗？`,
      confirmText: '删除',
      confirmColor: '#c62828',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      await removeTemplate(t._id);
      void Taro.showToast({ title: '已删除', icon: 'success' });
      list.reload({ silent: true });
    } catch (e) {
      void Taro.showModal({ title: '没能删除', content: errorMessage(e), showCancel: false });
    }
  };

  return (
    <PageShell>
      <Loaded state={list} errorTitle="没能读出答复模板">
        {({ items }) => (
          <>
            <View className="section">
              <View className="section__hint">工作人员答复群众时可以选用这些模板，再按具体情况修改。每个类别可以有多条。</View>
              {editing ? (
                <TemplateForm key={editing.id ?? 'new'} draft={editing} onSaved={saved} onCancel={() => setEditing(null)} />
              ) : (
                <Button
                  className="btn btn--primary btn--block"
                  onClick={() => setEditing({ category: filter === 'all' ? '' : filter, title: '', text: '' })}
                  id="template-new"
                >
                  新建答复模板
                </Button>
              )}
            </View>
            <TemplateList items={items} filter={filter} onFilter={setFilter} onEdit={setEditing} onRemove={(t) => void remove(t)} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}

interface TemplateListProps {
  items: AnswerTemplate[];
  filter: CategoryId | 'all';
  onFilter: (filter: CategoryId | 'all') => void;
  onEdit: (draft: Draft) => void;
  onRemove: (t: AnswerTemplate) => void;
}

/** The filter tabs and the templates grouped by category. */
function TemplateList({ items, filter, onFilter, onEdit, onRemove }: TemplateListProps) {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
  const groups = CATEGORIES.filter((c) => (filter === 'all' ? counts.has(c.id) : c.id === filter)).map((c) => ({
    category: c,
    items: items.filter((t) => t.category === c.id),
  }));

  return (
    <>
      <View className="section">
        <FilterTabs
          tabs={[{ id: 'all' as const, label: `全部（${items.length}）` }, ...CATEGORIES.map((c) => ({ id: c.id, label: c.name }))]}
          value={filter}
          onChange={onFilter}
          counts={Object.fromEntries(counts)}
          id="template-filter"
        />
      </View>
      {groups.every((g) => g.items.length === 0) ? (
        <EmptyState
          title={filter === 'all' ? '还没有答复模板' : `「${categoryById(filter)?.name}」还没有答复模板`}
          description="常见问题的答复写成模板，工作人员答复时选一下就能用"
        />
      ) : (
        groups.map((g) => (
          <View key={g.category.id} className="section">
            <View className="section__title">{g.category.name}</View>
            <View className="card">
              {g.items.map((t) => (
                <View key={t._id} className="list-item settings-row settings-row--stack">
                  <View className="list-item__main">
                    <View className="list-item__title">{t.title}</View>
                    <View className="list-item__desc">{t.text}</View>
                  </View>
                  <View className="settings-btns">
                    <Button
                      className="btn btn--ghost"
                      onClick={() => onEdit({ id: t._id, category: categoryById(t.category)?.id ?? '', title: t.title, text: t.text })}
                    >
                      修改
                    </Button>
                    <Button className="btn btn--danger" onClick={() => onRemove(t)}>
                      删除
                    </Button>
                  </View>
                </View>
              ))}
            </View>
          </View>
        ))
      )}
    </>
  );
}
