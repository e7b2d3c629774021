import { Button, View } from '@tarojs/components';
import { ATTACHMENTS_MAX } from '../../../core/contracts/cases';
import { Field } from '../../components/field';
import { AttachmentsField } from './attachments-field';
import { CategoryField } from './category-field';
import { ConsentBox } from './consent-box';
import { ContactSection } from './contact-section';
import { DescriptionSection } from './description-section';
import { UrgentSwitch } from './urgent-switch';
import { useRequestForm, type RequestFormOptions } from './use-request-form';

export { SUGGEST_DELAY_MS } from './use-category-suggestion';

/**
 * The guided new-request form: the trouble in the person's own words first, the category suggested from
 * them, then where and how to reach them. Kept as a draft on every change; checked with the same contract
 * as cases.submit before anything is sent.
 */
export function RequestForm(props: RequestFormOptions) {
  const form = useRequestForm(props);
  const { fields, set, photos, errors } = form;

  return (
    <View className="cs-form">
      {form.restored ? (
        <View className="section">
          <View className="cs-callout cs-callout--info" id="draft-restored">
            <View>上次没填完的内容已经为您保留，接着填就行。</View>
            <View className="link cs-callout__action" role="button" onClick={form.startOver}>
              清空重填
            </View>
          </View>
        </View>
      ) : null}

      <DescriptionSection value={fields.description} error={errors.description} onChange={(text) => set('description', text)} />

      <View className="section">
        <View className="section__title">这件事交给谁办</View>
        <View className="card">
          <CategoryField
            meta={props.meta}
            suggestion={form.suggestion}
            chosen={fields.category}
            region={fields.region}
            urgent={fields.urgent}
            error={errors.category}
            onPick={(id) => set('category', id)}
          />
          <UrgentSwitch value={fields.urgent} onChange={(urgent) => set('urgent', urgent)} />
        </View>
      </View>

      <View className="section">
        <View className="section__title">照片或材料（可不传）</View>
        <View className="section__hint">有证件、票据、现场照片的话，拍下来能让部门更快了解情况。最多 {ATTACHMENTS_MAX} 张。</View>
        <View className="card">
          <Field name="attachments" label="照片" error={errors.attachments}>
            <AttachmentsField
              items={photos.items}
              max={ATTACHMENTS_MAX}
              onAdd={() => void photos.add()}
              onRetry={(key) => {
                photos.retry(key);
                form.clearError('attachments');
              }}
              onRemove={(key) => {
                photos.remove(key);
                form.clearError('attachments');
              }}
            />
          </Field>
        </View>
      </View>

      <ContactSection regions={props.meta.regions} fields={fields} errors={errors} set={set} />

      <ConsentBox checked={form.consent} error={errors.consent} onToggle={form.toggleConsent} />

      {form.formError ? (
        <View className="section">
          <View className="cs-callout cs-callout--error" role="alert" id="form-error">
            {form.formError}
          </View>
        </View>
      ) : null}

      <View className="actions">
        <Button
          className="btn btn--primary btn--block"
          id="submit-case"
          disabled={form.sending || undefined}
          onClick={() => void form.send()}
        >
          {form.sending ? '正在提交…' : '提交求助'}
        </Button>
        <View className="form-note cs-actions-note">
          提交时会问您要不要接收办理进度提醒，选“允许”后，签收、答复、办结时都会通知您；不允许也能正常提交。
        </View>
      </View>
    </View>
  );
}
