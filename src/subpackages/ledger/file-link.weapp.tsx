import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { errorMessage } from '../../components/error-state';
import { openSpreadsheet } from '../../services/open-file';
import type { FileLinkProps } from './file-link';

// In WeChat a file opens in its document viewer, which can forward it to a computer (showMenu).
export function FileLink({ file, id }: FileLinkProps) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      await openSpreadsheet(file.url);
    } catch (e) {
      void Taro.showModal({ title: '打不开这个表格', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="lg-file-link" onClick={busy ? undefined : () => void open()} role="button" id={id}>
      {busy ? '正在打开…' : `打开 ${file.name}`}
    </View>
  );
}
