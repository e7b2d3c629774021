import { View } from '@tarojs/components';
import { useState } from 'react';
import { Loaded } from '../../components/loaded';
import { hasLocalOutbox, localOutbox, type OutboxMessage } from '../../services/outbox';

type State =
  { status: 'closed' } | { status: 'loading' } | { status: 'ready'; data: OutboxMessage[] } | { status: 'error'; error: unknown };

/**
 * Local mode only: the subscribe messages WeChat would have delivered to this person, as the local host
 * recorded them. The weapp build has no outbox, so this renders nothing there.
 */
export function LocalOutbox({ trackingNo }: { trackingNo?: string }) {
  const [state, setState] = useState<State>({ status: 'closed' });
  if (!hasLocalOutbox) return null;

  const open = () => {
    setState({ status: 'loading' });
    localOutbox().then(
      (all) => setState({ status: 'ready', data: (trackingNo ? all.filter((m) => m.trackingNo === trackingNo) : all).reverse() }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  };

  return (
    <View className="section cs-outbox" id="local-outbox">
      {state.status === 'closed' ? (
        <View className="link cs-outbox__toggle" role="button" onClick={open}>
          本地演示：消息发件箱
        </View>
      ) : (
        <View className="card card--padded">
          <View className="cs-outbox__head">
            <View className="cs-outbox__title">本地演示：消息发件箱</View>
            <View className="link" role="button" onClick={open}>
              刷新
            </View>
          </View>
          <View className="form-note cs-outbox__note">
            在微信里，这些是“服务通知”里收到的订阅消息。只有提交时点了“允许”才会发，每次允许发一条。
          </View>
          <Loaded state={state} errorTitle="没能读到发件箱" onRetry={open}>
            {(items) =>
              items.length === 0 ? (
                <View className="cs-outbox__empty">还没有发给您的消息。部门签收、答复、需要补充材料或办结时，会在这里出现。</View>
              ) : (
                items.map((m, i) => (
                  <View key={`${m.sentAt}-${i}`} className="cs-outbox__item">
                    <View className="cs-outbox__item-title">{m.title}</View>
                    <View className="cs-outbox__item-detail">{m.detail}</View>
                    <View className="cs-outbox__item-meta">
                      {m.trackingNo} · {m.time}
                    </View>
                  </View>
                ))
              )
            }
          </Loaded>
        </View>
      )}
    </View>
  );
}
