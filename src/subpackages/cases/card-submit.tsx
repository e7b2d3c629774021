import { Button, View } from '@tarojs/components';

interface CardSubmitProps {
  /** The button's id, e.g. submit-rating. */
  id: string;
  label: string;
  sending: boolean;
  /** The failure that belongs to no field, said over the button. */
  error?: string;
  onSend: () => void;
}

/** The foot of a form card on the case page (评价, 补充材料): what went wrong, then one wide button. */
export function CardSubmit({ id, label, sending, error, onSend }: CardSubmitProps) {
  return (
    <>
      {error ? (
        <View className="form-note field__error" role="alert">
          {error}
        </View>
      ) : null}
      <View className="cs-card-actions">
        <Button className="btn btn--primary btn--block" disabled={sending || undefined} onClick={onSend} id={id}>
          {sending ? '正在提交…' : label}
        </Button>
      </View>
    </>
  );
}
