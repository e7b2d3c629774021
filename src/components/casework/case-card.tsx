import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CaseSummary } from '../../services/cases';
import { deadlineText, STAFF_STATUS } from './deadline';
import { SlaMark } from './sla-mark';
import './casework.css';

interface CaseCardProps {
  item: CaseSummary & { urged?: boolean; lastUrge?: string; returned?: boolean; flagged?: boolean; handlerName?: string };
  onClick: () => void;
  /** The 双拥办 sees every department: name who holds it. */
  showDepartment?: boolean;
  /** WeChat could not send the viewer the message about this case (no consent left): "提醒没有送达". */
  noticeMissed?: boolean;
  /** More facts under the deadline (e.g. how long overdue, how often urged). */
  children?: ReactNode;
}

/** One case in a list: what it is, where it stands, and by when the clerk must act. */
export function CaseCard({ item, onClick, showDepartment, noticeMissed, children }: CaseCardProps) {
  return (
    <View className={`case-card case-card--${item.sla}`} id={`case-${item.trackingNo}`} onClick={onClick} role="button">
      {item.urged ? (
        <View className="case-card__urge">
          <View className="case-card__urge-label">督办</View>
          <View className="case-card__urge-note">{item.lastUrge ?? '双拥办要求尽快办理'}</View>
        </View>
      ) : null}
      <View className="case-card__head">
        <View className="case-card__title">{item.categoryName}</View>
        <View className="case-card__no">{item.trackingNo}</View>
      </View>
      <View className="case-card__excerpt">{item.excerpt}</View>
      <View className="case-card__tags">
        <SlaMark sla={item.sla} />
        {noticeMissed ? <View className="tag tag--missed">提醒没有送达</View> : null}
        {item.urgent ? <View className="tag tag--danger">紧急</View> : null}
        {item.returned ? <View className="tag tag--danger">被退回</View> : null}
        {item.flagged ? <View className="tag tag--amber">内容待核</View> : null}
        {showDepartment ? <View className="tag tag--plain">{item.departmentName}</View> : null}
        {item.handlerName ? <View className="tag tag--plain">承办人 {item.handlerName}</View> : null}
        <View className="tag tag--plain">{STAFF_STATUS[item.status]}</View>
      </View>
      <View className={`case-card__due case-card__due--${item.sla}`}>{deadlineText(item)}</View>
      {children}
    </View>
  );
}
