import { Button, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { unitById, unitName, unitShortName, type Organization } from '../../../core/org/model';
import type { StaffCase } from '../../services/cases';
import { openStoredFile } from '../../services/open-file';
import { errorMessage } from '../error-state';
import { useFileLinks } from '../use-file-links';
import { deadlineText, STAFF_STATUS, when } from './deadline';
import { SlaMark } from './sla-mark';
import './casework.css';

type Entry = StaffCase['timeline'][number];

const IMAGE = /\.(jpe?g|png|gif|webp|heic|bmp)$/i;
const OPEN = ['assigned', 'accepted', 'in_progress', 'waiting'];

function who(org: Organization, actor: Entry['actor']): string {
  switch (actor.role) {
    case 'resident':
      return '群众';
    case 'system':
      return '系统';
    case 'dispatcher':
      return unitById(org, org.dispatchUnitId)?.shortName ?? '双拥办';
    case 'admin':
      return '管理员';
    case 'leader':
      return '县领导';
    default:
      return actor.departmentId ? unitShortName(org, actor.departmentId) : '工作人员';
  }
}

function Attachments({ files }: { files: string[] }) {
  const links = useFileLinks(files);
  const images = files.filter((f) => IMAGE.test(f));
  const others = files.filter((f) => !IMAGE.test(f));
  const shown = images.flatMap((f) => links.get(f) ?? []);
  const open = (fileID: string) =>
    openStoredFile(fileID).catch((e: unknown) => Taro.showModal({ title: '打不开附件', content: errorMessage(e), showCancel: false }));
  return (
    <View className="attachments">
      {images.map((f, i) => {
        const url = links.get(f);
        return url ? (
          <Image
            key={f}
            className="attachments__image"
            src={url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls: shown, current: url })}
          />
        ) : (
          <View key={f} className="attachments__image" aria-label={`图片 ${i + 1}（加载中）`} />
        );
      })}
      {others.map((f, i) => (
        <View key={f} className="attachments__file" onClick={() => void open(f)} role="button">
          附件 {i + 1}
        </View>
      ))}
    </View>
  );
}

interface CaseDetailProps {
  c: StaffCase;
  /** The county's units, to name who did what (a retired unit still by its name). */
  org: Organization;
  /** What happened just now and what comes next, shown on top. */
  notice?: string | null;
  /** The actions this viewer may take, shown before the timeline. */
  actions?: ReactNode;
}

/** A case as staff and the 双拥办 see it: the request, who may be called, why it went where it is, and every step. */
export function CaseDetail({ c, org, notice, actions }: CaseDetailProps) {
  const open = OPEN.includes(c.status);
  const call = () => void Taro.makePhoneCall({ phoneNumber: c.contact.phone }).catch(() => undefined);
  return (
    <View>
      {notice ? (
        <View className="section">
          <View className="callout callout--success" role="status" id="case-notice">
            {notice}
          </View>
        </View>
      ) : null}

      <View className="section">
        <View className={`card card--padded case-head case-head--${c.sla}`}>
          <View className="case-head__row">
            <View className="case-head__title">{c.categoryName}</View>
            <View className="case-card__no" id="case-tracking-no">
              {c.trackingNo}
            </View>
          </View>
          <View className="case-card__tags">
            <View className="tag" id="case-status">
              {STAFF_STATUS[c.status]}
            </View>
            <SlaMark sla={c.sla} />
            {c.urgent ? <View className="tag tag--danger">紧急</View> : null}
            {c.returned ? <View className="tag tag--danger">被退回</View> : null}
            {c.flagged ? <View className="tag tag--amber">内容待核</View> : null}
            {c.recorded ? <View className="tag tag--plain">电话登记</View> : null}
          </View>
          <View className={`case-card__due case-card__due--${c.sla}`}>{deadlineText(c)}</View>
          <View className="case-head__meta">
            承办：{c.departmentName}
            {c.handler ? ` · 承办人 ${c.handler.name}` : ''} · 提交于{when(c.createdAt)}
            {c.reopenCount > 0 ? ` · 重办 ${c.reopenCount} 次` : ''}
          </View>
        </View>
      </View>

      {open && c.urges.length > 0 ? (
        <View className="section">
          <View className="urges" id="case-urges">
            {c.urges.map((u) => (
              <View key={u.at} className="urges__item">
                <View className="urges__label">{u.automatic ? '超期自动督办' : '双拥办督办'}</View>
                <View className="urges__note">{u.note}</View>
                <View className="urges__at">{when(u.at)}</View>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <View className="section">
        <View className="section__title">群众的求助</View>
        <View className="card card--padded">
          <View className="case-text" id="case-description">
            {c.description}
          </View>
          <View className="case-head__meta">所在地：{c.regionName}</View>
          {c.attachments.length > 0 ? <Attachments files={c.attachments} /> : null}
        </View>
      </View>

      <View className="section">
        <View className="card">
          <View className="list-item">
            <View className="list-item__main">
              <View className="list-item__title">联系人：{c.contact.name}</View>
              <View className="list-item__desc" id="case-phone">
                {c.contact.phone}
                {c.contactUnmasked ? '' : '（号码只对承办部门显示）'}
              </View>
            </View>
            {c.contactUnmasked ? (
              <Button className="btn btn--ghost btn--small" onClick={call} id="case-call">
                打电话
              </Button>
            ) : null}
          </View>
          <View className="list-item">
            <View className="list-item__main">
              <View className="list-item__desc">为什么由{unitName(org, c.routing.departmentId)}办理</View>
              <View className="list-item__title" id="case-routing">
                {c.routing.reason}
              </View>
            </View>
          </View>
          {c.resolution ? (
            <View className="list-item">
              <View className="list-item__main">
                <View className="list-item__desc">办结情况{c.resolvedAt ? `（${when(c.resolvedAt)}）` : ''}</View>
                <View className="list-item__title">{c.resolution}</View>
              </View>
            </View>
          ) : null}
          {c.rating ? (
            <View className="list-item">
              <View className="list-item__main">
                <View className="list-item__desc">{c.rating.byFollowUp ? '电话回访' : '群众评价'}</View>
                <View className="list-item__title">
                  {c.rating.score ? `${c.rating.score} 分 · ` : ''}
                  {c.rating.satisfied ? '满意' : '不满意'}
                  {c.rating.solved ? '' : '，问题没有解决'}
                  {c.rating.comment ? `：${c.rating.comment}` : ''}
                </View>
              </View>
            </View>
          ) : null}
        </View>
      </View>

      {actions}

      <View className="section">
        <View className="section__title">办理经过</View>
        <Timeline entries={c.timeline.map((e) => ({ ...e, by: who(org, e.actor) }))} />
        <View className="section__hint timeline__hint">标「内部」的记录只有工作人员和双拥办看得到，群众看不到。</View>
      </View>
    </View>
  );
}

interface TimelineEntry {
  at: string;
  text: string;
  internal?: boolean;
  /** Who wrote it, when the reader may see more than their own entries. */
  by?: string;
}

/** What happened to a case, newest first; entries only staff and the 双拥办 see are marked 内部. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <View className="card card--padded timeline" id="case-timeline">
      {[...entries].reverse().map((e, i) => (
        <View key={`${e.at}-${i}`} className={`timeline__item${e.internal ? ' timeline__item--internal' : ''}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__meta">
              {when(e.at)}
              {e.by ? ` · ${e.by}` : ''}
              {e.internal ? <View className="tag tag--plain timeline__internal">内部</View> : null}
            </View>
            <View className="timeline__text">{e.text}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
