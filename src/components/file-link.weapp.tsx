import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { openSpreadsheet, sendFile } from '../services/open-file';
import { errorMessage } from './error-state';
import type { FileLinkProps } from './file-link';
import './file-link.css';

// In WeChat a file opens in its document viewer, which can forward it to a computer (showMenu); one it
// cannot show (`send`: a .zip) is sent to a chat, 文件传输助手 taking it to a computer.
export function FileLink({ file, id, failTitle = '打不开这个表格', send = false }: FileLinkProps) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      await (send ? sendFile(file.url, file.name) : openSpreadsheet(file.url));
    } catch (e) {
      void Taro.showModal({ title: failTitle, content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="file-link" onClick={busy ? undefined : () => void open()} role="button" id={id}>
      {busy ? '正在打开…' : send ? `发送 ${file.name} 到聊天` : `打开 ${file.name}`}
    </View>
  );
}
