import { Field } from './field';
import { TextInput } from './text-input';
import type { ContactForm } from './use-contact-form';

interface ContactFieldsProps {
  form: Pick<ContactForm, 'name' | 'phone' | 'setName' | 'setPhone' | 'errors'>;
  /** Who will use the number, said under the field. */
  phoneHint: string;
  phoneRequired?: boolean;
}

/** 姓名 and 手机号, as every form that asks how to reach someone shows them (ids field-name, field-phone). */
export function ContactFields({ form, phoneHint, phoneRequired = true }: ContactFieldsProps) {
  return (
    <>
      <Field name="name" label="姓名" required error={form.errors.name}>
        <TextInput value={form.name} maxlength={20} placeholder="怎么称呼您" onChange={form.setName} />
      </Field>
      <Field name="phone" label="手机号" required={phoneRequired} error={form.errors.phone} hint={phoneHint}>
        <TextInput type="number" value={form.phone} maxlength={11} placeholder="11 位手机号" onChange={form.setPhone} />
      </Field>
    </>
  );
}
