import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { SignupStateView } from '../../components/signups/signup-state-view';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { mySignups, type MineItem } from '../../services/fairs';
import { confirmAndCancel } from './cancel';
import { spanText } from '../../../core/time';
import { FAIRS, openFair } from './links';
import { QrCode } from './qr-code';
import { fairState } from './signup-state';
import './fairs.css';

// What still needs the person (a code to show, a place in line) comes first.
const rank = (i: MineItem): number => {
  const over = i.fair.phase === 'ended' || i.fair.phase === 'cancelled';
  if (i.status === 'cancelled') return 3;
  if (over) return 2;
  return i.status === 'confirmed' ? 0 : 1;
};

export function MySignupCard({ item, onCancelled }: { item: MineItem; onCancelled: () => void }) {
  const state = fairState(item.fair, item);
  const over = item.fair.phase === 'ended' || item.fair.phase === 'cancelled';
  const code = item.status === 'confirmed' && !over ? item.checkinCode : undefined;
  const cancel = async () => {
    if (await confirmAndCancel(item.fairId, item.status, item.fair.waitlistCount)) onCancelled();
  };
  return (
    <View className="card fair-mine" id={`signup-${item.fairId}`}>
      <View className="list-item list-item--link" role="link" onClick={() => openFair(item.fairId)}>
        <View className="list-item__main">
          <View className="list-item__title">{item.fair.title}</View>
          <View className="list-item__desc">{spanText(item.fair.startAt, item.fair.endAt)}</View>
          <View className="list-item__desc">
            {item.fair.venue.name} · {item.fair.venue.address}
          </View>
        </View>
        <View className="list-item__arrow" />
      </View>
      <View className="fair-mine__body">
        <SignupStateView state={state} />
        {code ? (
          <View className="fair-code" id={`code-${item.fairId}`}>
            <QrCode text={code} label={`签到二维码，签到码 ${code}`} />
            <View className="fair-code__label">签到码</View>
            <View className="fair-code__text">{code}</View>
            <View className="fair-code__hint">入场时请工作人员扫码，或把签到码念给工作人员</View>
          </View>
        ) : null}
        {state.canCancel ? (
          <View className="fair-actions">
            <Button className="btn btn--danger" onClick={() => void cancel()}>
              取消报名
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** 我的报名: the check-in code as a QR code and in large text, the waitlist position, cancel. */
export default function MySignupsPage() {
  const mine = useAsync(mySignups);

  useShownAgain(() => mine.reload({ silent: true }));

  return (
    <PageShell>
      <Loaded
        state={mine}
        errorTitle="没能读到您的报名"
        empty={{
          when: (d) => d.items.length === 0,
          title: '您还没有报名招聘会',
          description: '看看近期有哪些退役军人专场招聘会',
          action: (
            <Button className="btn btn--ghost" onClick={() => void Taro.redirectTo({ url: `${FAIRS}/index` })}>
              去看看
            </Button>
          ),
        }}
      >
        {(d) =>
          [...d.items]
            .sort((a, b) => rank(a) - rank(b))
            .map((item) => (
              <View key={item.fairId} className="section">
                <MySignupCard item={item} onCancelled={() => mine.reload({ silent: true })} />
              </View>
            ))
        }
      </Loaded>
    </PageShell>
  );
}
