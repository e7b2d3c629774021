import { Image, View } from '@tarojs/components';
import type { Attachment } from './use-attachments';

const STATUS_TEXT = { uploading: '上传中…', done: '已上传', failed: '没传上去' } as const;

interface AttachmentsFieldProps {
  items: Attachment[];
  max: number;
  onAdd: () => void;
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}

/** Thumbnails with their upload state, a retry for each failure, and an add tile while there is room. */
export function AttachmentsField({ items, max, onAdd, onRetry, onRemove }: AttachmentsFieldProps) {
  return (
    <View className="cs-thumbs">
      {items.map((a, i) => (
        <View key={a.key} className={`cs-thumb cs-thumb--${a.status}`} id={`attachment-${i}`}>
          <Image className="cs-thumb__img" src={a.preview} mode="aspectFill" />
          <View className="cs-thumb__status" role="status">
            {STATUS_TEXT[a.status]}
          </View>
          {a.status === 'failed' ? (
            <View className="cs-thumb__retry" role="button" onClick={() => onRetry(a.key)}>
              重试
            </View>
          ) : null}
          {a.status !== 'uploading' ? (
            <View className="cs-thumb__remove" role="button" aria-label={`删除第 ${i + 1} 张`} onClick={() => onRemove(a.key)}>
              ×
            </View>
          ) : null}
        </View>
      ))}
      {items.length < max ? (
        <View className="cs-thumb cs-thumb--add" role="button" id="attachment-add" onClick={onAdd}>
          <View className="cs-thumb__plus">+</View>
          <View className="cs-thumb__add-text">添加照片</View>
        </View>
      ) : null}
    </View>
  );
}

/** Read-only thumbnails of stored files; a tap opens the large view. */
export function AttachmentGallery({ urls, onOpen }: { urls: string[]; onOpen: (url: string) => void }) {
  return (
    <View className="cs-thumbs">
      {urls.map((url, i) => (
        <View key={url} className="cs-thumb" role="button" aria-label={`查看第 ${i + 1} 张`} onClick={() => onOpen(url)}>
          <Image className="cs-thumb__img" src={url} mode="aspectFill" />
        </View>
      ))}
    </View>
  );
}
