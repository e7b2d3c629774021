import { Button, View } from '@tarojs/components';
import { isServiceError } from '../services/service-error';

interface ErrorStateProps {
  error: unknown;
  /** Shown as 「再试一次」 when the failure may pass (network, server); omitted otherwise. */
  onRetry?: () => void;
  title?: string;
}

const RETRYABLE = new Set(['NETWORK', 'INTERNAL', 'RATE_LIMITED']);

export function errorMessage(error: unknown): string {
  if (isServiceError(error)) return error.message;
  return '出了点问题，请稍后再试';
}

export function ErrorState({ error, onRetry, title = '没能加载出来' }: ErrorStateProps) {
  const canRetry = onRetry && (!isServiceError(error) || RETRYABLE.has(error.code));
  return (
    <View className="state state--error" role="alert">
      <View className="state__title">{title}</View>
      <View className="state__text">{errorMessage(error)}</View>
      {canRetry ? (
        <View className="state__action">
          <Button className="btn btn--ghost" onClick={onRetry}>
            再试一次
          </Button>
        </View>
      ) : null}
    </View>
  );
}
