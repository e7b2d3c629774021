import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { openSpreadsheet } from '../services/open-file';
import { errorMessage } from './error-state';
import type { FileLinkProps } from './file-link';
import './file-link.css';

// In WeChat a file opens in its document viewer, which can forward it to a computer (showMenu).
export function FileLink({ file, id, failTitle = '打不开这个表格' }: FileLinkProps) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      await openSpreadsheet(file.url);
    } catch (e) {
      void Taro.showModal({ title: failTitle, content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="file-link" onClick={busy ? undefined : () => void open()} role="button" id={id}>
      {busy ? '正在打开…' : `打开 ${file.name}`}
    </View>
  );
}
