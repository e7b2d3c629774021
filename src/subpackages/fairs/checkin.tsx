import { Button, Input, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { fairsContract } from '../../../core/contracts/fairs';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { SignupStateView } from '../../components/signups/signup-state-view';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { checkIn, getFair } from '../../services/fairs';
import { isServiceError } from '../../services/service-error';
import { spanText, timeText } from '../../../core/time';
import { OrganizerGate } from './organizer-gate';
import { canScan, scanQr } from './platform';
import './fairs.css';

const codeSchema = fairsContract.checkin.shape.code;

export type CheckinAnswer =
  { ok: true; name: string; code: string; at?: string } | { ok: false; title: string; message: string; code: string };

/** The refusal in words for the door: unknown code, another fair's, twice, not today. */
export function refusal(error: unknown): { title: string; message: string } {
  if (!isServiceError(error)) return { title: '没有签到成功', message: errorMessage(error) };
  switch (error.code) {
    case 'NOT_FOUND':
      return { title: '查无此码', message: error.message };
    case 'CONFLICT':
      return { title: '不能签到', message: error.message };
    case 'INVALID_INPUT':
      return { title: '签到码不对', message: error.issues[0]?.message ?? error.message };
    default:
      return { title: '没有签到成功', message: error.message };
  }
}

export function CheckinView({ fairId }: { fairId: string }) {
  const fair = useAsync(() => getFair(fairId), [fairId]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [answers, setAnswers] = useState<CheckinAnswer[]>([]);

  const record = (a: CheckinAnswer) => setAnswers((list) => [a, ...list].slice(0, 10));

  const submit = async (raw: string) => {
    if (busy) return;
    const parsed = codeSchema.safeParse(raw);
    if (!parsed.success) {
      record({ ok: false, title: '签到码不对', message: parsed.error.issues[0]?.message ?? '签到码是 8 位字母和数字', code: raw.trim() });
      return;
    }
    setBusy(true);
    try {
      const r = await checkIn(fairId, parsed.data);
      record({ ok: true, name: r.name, code: parsed.data, at: r.checkedInAt });
      setCode('');
    } catch (e) {
      record({ ok: false, ...refusal(e), code: parsed.data });
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    const text = await scanQr();
    if (text !== null) await submit(text);
  };

  const [latest, ...earlier] = answers;
  return (
    <PageShell>
      <Loaded state={fair} errorTitle="打不开这场招聘会">
        {(f) => (
          <>
            <View className="section">
              <View className="card card--padded">
                <View className="fair-roster__title">{f.title}</View>
                <View className="list-item__desc">
                  {spanText(f.startAt, f.endAt)} · {f.venue.name}
                </View>
                <View className="list-item__desc">只能在招聘会当天签到，每个签到码只能用一次</View>
              </View>
            </View>

            {canScan ? (
              <View className="actions">
                <Button className="btn btn--primary btn--block" id="scan-code" disabled={busy || undefined} onClick={() => void scan()}>
                  扫码签到
                </Button>
              </View>
            ) : null}

            <View className="section">
              <View className="card">
                <Field name="code" label={canScan ? '扫不了时，输入签到码' : '输入签到码'}>
                  <Input
                    className="field__input fair-code-input"
                    placeholderClass="field__placeholder"
                    value={code}
                    maxlength={8}
                    placeholder="8 位字母和数字"
                    confirmType="done"
                    onInput={(e) => setCode(e.detail.value.toUpperCase())}
                    onConfirm={() => void submit(code)}
                  />
                </Field>
              </View>
            </View>
            <View className="actions">
              <Button
                className="btn btn--primary btn--block"
                id="submit-code"
                disabled={busy || undefined}
                onClick={() => void submit(code)}
              >
                {busy ? '正在签到…' : '签到'}
              </Button>
            </View>

            {latest ? (
              <View className="section">
                <SignupStateView
                  id="checkin-result"
                  role="alert"
                  state={{
                    title: latest.ok ? `${latest.name} 签到成功` : latest.title,
                    detail: latest.ok ? `签到码 ${latest.code}${latest.at ? `，${timeText(latest.at)}` : ''}` : latest.message,
                    tone: latest.ok ? 'success' : 'error',
                  }}
                />
              </View>
            ) : null}

            {earlier.length > 0 ? (
              <View className="section">
                <View className="section__title">刚才</View>
                <View className="card">
                  {earlier.map((a, i) => (
                    <View key={i} className="list-item">
                      <View className="list-item__main">
                        <View className="list-item__title">{a.ok ? `${a.name} 签到成功` : a.title}</View>
                        <View className="list-item__desc">{a.ok ? a.code : `${a.code} · ${a.message}`}</View>
                      </View>
                    </View>
                  ))}
                </View>
              </View>
            ) : null}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}

/** At the door: scan the person's QR code (WeChat) or type the code they read out. */
export default function CheckinPage() {
  const { params } = useRouter();
  return (
    <OrganizerGate>
      <CheckinView fairId={param(params.id)} />
    </OrganizerGate>
  );
}
