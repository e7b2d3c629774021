import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { useFileLinks } from '../../components/use-file-links';
import { useAsync } from '../../lib/use-async';
import { getCase, withdraw, type RequesterCase } from '../../services/cases';
import { isServiceError } from '../../services/service-error';
import { AttachmentGallery } from './attachments-field';
import { SlaMark, StatusTag } from './case-marks';
import { timeText, weekdayText } from '../../../core/time';
import { LocalOutbox } from './local-outbox';
import { CASES } from './params';
import { Progress } from './progress';
import { RateForm } from './rate-form';
import { SupplementForm } from './supplement-form';
import { Timeline } from './timeline';
import { useReadAgain } from './use-read-again';

/** What the last action did and what comes next, shown at the top until the next one. */
interface Outcome {
  title: string;
  text: string;
}

const RETRYABLE = new Set(['NETWORK', 'INTERNAL', 'RATE_LIMITED']);
/** A refusal that will not pass (not found, not theirs): offer the list of their own requests instead. */
const isGone = (e: unknown) => isServiceError(e) && !RETRYABLE.has(e.code);

/**
 * One request as its requester follows it: where it is now, what is needed from them and by when, what
 * comes next; then what happened so far, in plain words; then what they sent.
 */
export function CaseView({ caseId }: { caseId: string }) {
  const loaded = useAsync(() => getCase(caseId), [caseId]);
  const [fresh, setFresh] = useState<RequesterCase | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const links = useFileLinks((fresh ?? loaded.data)?.attachments ?? []);

  const refresh = () => {
    setFresh(null);
    loaded.reload({ silent: true });
  };
  useReadAgain(refresh);

  return (
    <View>
      <Loaded state={loaded} errorTitle={(e) => (isGone(e) ? '打不开这件求助' : '没能加载出来')}>
        {(data) => {
          const c = fresh ?? data;
          const done = (next: RequesterCase | null, result: Outcome) => {
            if (next) setFresh(next);
            // Said at the top of the page, where it scrolls to, rather than in a toast that covers the timeline.
            setOutcome(result);
            Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
          };

          const confirmWithdraw = async () => {
            const { confirm } = await Taro.showModal({
              title: '撤回这件求助？',
              content: `撤回后，${c.departmentName}就不再办理了。以后有需要，可以重新提交。`,
              confirmText: '撤回',
              confirmColor: '#c62828',
              cancelText: '不撤回',
            });
            if (!confirm) return;
            setWithdrawing(true);
            try {
              await withdraw(c.caseId);
              // Read it back for the timeline's new entry; if that fails, what we know is enough.
              const next = await getCase(c.caseId).catch(() => ({
                ...c,
                status: 'withdrawn' as const,
                statusText: '已撤回',
                sla: 'done' as const,
                can: { withdraw: false, supplement: false, rate: false },
                steps: { now: '您已撤回这件求助' },
              }));
              done(next, { title: '已撤回', text: `${c.departmentName}不会再办理这件求助。如果还需要帮助，随时可以重新提交。` });
            } catch (e) {
              void Taro.showModal({ title: '没能撤回', content: errorMessage(e), showCancel: false });
            } finally {
              setWithdrawing(false);
            }
          };

          const photos = c.attachments.flatMap((f) => links.get(f) ?? []);

          return (
            <>
              <View>
                {outcome ? (
                  <View className="section">
                    <View className="cs-callout cs-callout--success" role="status" id="outcome">
                      <View className="cs-callout__title">{outcome.title}</View>
                      <View>{outcome.text}</View>
                    </View>
                  </View>
                ) : null}

                <View className="section">
                  <View className="card card--padded cs-head">
                    <View className="cs-head__row">
                      <StatusTag status={c.status} text={c.statusText} />
                      {c.urgent ? <View className="tag cs-urgent">紧急</View> : null}
                      <SlaMark sla={c.sla} />
                    </View>
                    <View className="cs-head__title">
                      {c.categoryName} · {c.departmentName}
                    </View>
                    <View className="cs-head__no">
                      受理编号 <View className="cs-head__no-value">{c.trackingNo}</View>
                    </View>
                    <Progress status={c.status} />
                  </View>
                </View>

                <View className="section">
                  <View className="card cs-steps" id="steps">
                    <View className="cs-steps__item">
                      <View className="cs-steps__label">现在</View>
                      <View className="cs-steps__text" id="step-now">
                        {c.steps.now}
                      </View>
                    </View>
                    {c.steps.needFromYou ? (
                      <View className="cs-steps__item cs-steps__item--you">
                        <View className="cs-steps__label">需要您做</View>
                        <View className="cs-steps__text" id="step-need">
                          {c.steps.needFromYou}
                        </View>
                      </View>
                    ) : null}
                    {c.steps.next ? (
                      <View className="cs-steps__item">
                        <View className="cs-steps__label">接下来</View>
                        <View className="cs-steps__text" id="step-next">
                          {c.steps.next}
                        </View>
                      </View>
                    ) : null}
                  </View>
                </View>

                {c.can.supplement ? (
                  <View className="section">
                    <View className="section__title">补充材料</View>
                    <SupplementForm
                      caseId={c.caseId}
                      onSupplemented={(next) =>
                        done(next, { title: '已补充', text: `${next.departmentName}会接着办理。${next.steps.next ?? next.steps.now}。` })
                      }
                    />
                  </View>
                ) : null}

                {c.can.rate ? (
                  <View className="section">
                    <View className="section__title">评价这次办理</View>
                    <RateForm
                      caseId={c.caseId}
                      department={c.departmentName}
                      onRated={(next, solved) =>
                        done(
                          next,
                          solved
                            ? { title: '感谢您的评价', text: '这件求助已经结束。以后遇到困难，随时再来。' }
                            : {
                                title: '已重新办理',
                                text: `已重新交给${next.departmentName}办理，${next.departmentName}将在 ${weekdayText(next.dueAt)} 前答复您。`,
                              },
                        )
                      }
                    />
                  </View>
                ) : null}

                {c.resolution ? (
                  <View className="section">
                    <View className="section__title">
                      {c.status === 'resolved' || c.status === 'closed' ? '办理结果' : '上次的办理结果'}
                    </View>
                    <View className="card card--padded" id="resolution">
                      <View>{c.resolution}</View>
                      {c.resolvedAt ? <View className="cs-meta">{timeText(c.resolvedAt)} 办结</View> : null}
                      {c.rating ? (
                        <View className="cs-meta">
                          您的评价：{c.rating.score ? `${'★'.repeat(c.rating.score)} ` : ''}
                          {c.rating.solved ? '问题已解决' : '问题没有解决'}
                          {c.rating.comment ? `，“${c.rating.comment}”` : ''}
                        </View>
                      ) : null}
                    </View>
                  </View>
                ) : null}

                <View className="section">
                  <View className="section__title">办理经过</View>
                  <View className="card card--padded">
                    <Timeline entries={c.timeline} />
                  </View>
                </View>

                <View className="section">
                  <View className="section__title">您提交的内容</View>
                  <View className="card card--padded cs-sent">
                    <View className="cs-sent__text">{c.description}</View>
                    {photos.length > 0 ? (
                      <AttachmentGallery
                        urls={photos}
                        onOpen={(url) => void Taro.previewImage({ current: url, urls: photos }).catch(() => undefined)}
                      />
                    ) : null}
                    <View className="cs-meta">
                      {c.regionName} · {c.contact.name} {c.contact.phone}
                    </View>
                    <View className="cs-meta">{timeText(c.createdAt)} 提交</View>
                  </View>
                </View>

                {c.can.withdraw ? (
                  <View className="actions">
                    <Button
                      className="btn btn--danger btn--block"
                      disabled={withdrawing || undefined}
                      onClick={() => void confirmWithdraw()}
                      id="withdraw"
                    >
                      {withdrawing ? '正在撤回…' : '撤回这件求助'}
                    </Button>
                    <View className="form-note cs-actions-note">事情已经解决了，或者不需要再办，可以撤回。</View>
                  </View>
                ) : null}

                <LocalOutbox trackingNo={c.trackingNo} />
              </View>
            </>
          );
        }}
      </Loaded>
      {loaded.status === 'error' && isGone(loaded.error) ? (
        <View className="state__action">
          <Button className="btn btn--primary" onClick={() => void Taro.redirectTo({ url: `${CASES}/mine` })}>
            看看我的求助
          </Button>
        </View>
      ) : null}
    </View>
  );
}
