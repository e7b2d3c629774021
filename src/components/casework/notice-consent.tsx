import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useAsync } from '../../lib/use-async';
import { missedNotices } from '../../services/cases';
import { getMeta } from '../../services/meta';
import { requestSubscribe } from '../../services/subscribe';
import './casework.css';

/** The cloud's template id for staff messages when TEMPLATE_CASE_NEW is not set (and meta has not answered). */
const CASE_NEW_TEMPLATE = 'case_new';

export type MissedNotices = Awaited<ReturnType<typeof missedNotices>>['missed'];

/**
 * The caller's new-case messages WeChat could not send them, read again whenever `refreshKey` changes.
 * `receives` false (a county leader, who is sent none) asks nothing and answers none.
 */
export function useMissedNotices(refreshKey: number, receives = true) {
  // An answer without `missed` (an older cloud) counts as none: the inbox must not break over a reminder.
  return useAsync(async () => (receives ? ((await missedNotices()).missed ?? []) : []), [refreshKey, receives]);
}

interface NoticeConsentProps {
  /** The missed notices, once read; undefined while loading or when they could not be read. */
  missed: MissedNotices | undefined;
  /** Where a missed case opens (the workbench's or the 双拥办's case page). */
  casePath: string;
}

/**
 * "接收新求助提醒": staff and the 双拥办 agree, with one tap, to WeChat messages about new, returned and
 * urged cases (the `caseNew` template). In WeChat a one-time consent buys one message; when they are used
 * up the cloud records each refused message (cases.notices) and this banner counts them and asks again.
 * A long-term template (政务民生 accounts may be granted one) needs the tap only once.
 */
export function NoticeConsent({ missed, casePath }: NoticeConsentProps) {
  const meta = useAsync(getMeta);
  const [granted, setGranted] = useState(0);
  const [asking, setAsking] = useState(false);
  const templateId = meta.data?.notifications.caseNew ?? CASE_NEW_TEMPLATE;
  const longTerm = meta.data?.notifications.caseNewLongTerm === true;

  // The tap handler. WeChat shows its consent dialog only when requestSubscribeMessage is called
  // synchronously inside the tap, so it is the FIRST thing here — no await, no state read from a
  // promise before it. (requestSubscribe calls wx.requestSubscribeMessage before its own first await.)
  const ask = () => {
    const answer = requestSubscribe([templateId]);
    setAsking(true);
    void answer.then((accepted) => {
      setAsking(false);
      if (accepted.includes(templateId)) {
        setGranted((n) => n + 1);
        void Taro.showToast({ title: '好的，有新求助会提醒您', icon: 'none' });
      } else {
        void Taro.showToast({ title: '没有开启提醒，新求助仍会出现在这里', icon: 'none' });
      }
    });
  };

  const n = missed?.length ?? 0;
  const howMany = longTerm ? '同意一次，以后的新求助都会提醒您。' : '每同意一次，微信可以提醒您一条；多点几次可以多收几条。';
  let text: string;
  if (granted > 0) {
    text = longTerm ? '好的，已开启新求助提醒。' : `好的，这次已为您多开启 ${granted} 条提醒。用完了这里会告诉您，再点一下就行。`;
  } else if (n > 0) {
    text = longTerm
      ? '您还没有开启新求助提醒，或者关掉了。这些求助在下面标着“提醒没有送达”。点一下按钮重新开启。'
      : '您同意接收的提醒已经用完了。这些求助在下面标着“提醒没有送达”；点一下按钮，下一条新求助就能提醒您。';
  } else {
    text = `有新派单、退回或督办时，用微信服务通知提醒您。${howMany}`;
  }

  return (
    <View
      className={`card card--padded notice-consent${n > 0 ? ' notice-consent--missed' : ''}`}
      id="notice-consent"
      role="region"
      aria-label="新求助提醒"
    >
      <View className="notice-consent__title" id="notice-consent-title">
        {n > 0 ? `有 ${n} 条新求助提醒没能发给您` : '新求助提醒'}
      </View>
      <View className="notice-consent__text">{text}</View>
      {n > 0 ? (
        <View className="notice-consent__list">
          {missed?.slice(0, 3).map((m) => (
            <View
              key={m.caseId ?? m.taskId}
              className="notice-consent__item"
              role="link"
              onClick={() =>
                void Taro.navigateTo({
                  url: m.caseId !== undefined ? `${casePath}?id=${m.caseId}` : `/subpackages/ledger/task?id=${m.taskId ?? ''}`,
                })
              }
            >
              {m.number} · {m.title} · {m.at.slice(5)}
            </View>
          ))}
          {n > 3 ? <View className="notice-consent__more">还有 {n - 3} 条，在下面的列表里</View> : null}
        </View>
      ) : null}
      <Button
        className={`btn ${n > 0 ? 'btn--primary' : 'btn--ghost'} btn--block${asking ? ' btn--disabled' : ''}`}
        id="notice-consent-button"
        aria-disabled={asking}
        onClick={asking ? undefined : ask}
      >
        {asking ? '正在请求…' : '接收新求助提醒'}
      </Button>
    </View>
  );
}
