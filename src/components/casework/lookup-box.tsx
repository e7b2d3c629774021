import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { casesContract } from '../../../core/contracts/cases';
import { validate } from '../../lib/validate';
import './casework.css';

interface LookupBoxProps {
  /** The page that shows a case, e.g. /subpackages/workbench/case; it receives `?no=`. */
  casePath: string;
}

/** 查询受理编号: for a phone enquiry, the number the person reads out (SY + 9 digits). */
export function LookupBox({ casePath }: LookupBoxProps) {
  const [no, setNo] = useState('');
  const [error, setError] = useState<string | null>(null);

  const search = () => {
    const checked = validate(casesContract.lookup, { trackingNo: no });
    if (!checked.ok) {
      setError(checked.errors.trackingNo ?? '请填写受理编号');
      return;
    }
    setError(null);
    void Taro.navigateTo({ url: `${casePath}?no=${checked.data.trackingNo}` });
  };

  return (
    <View className="card card--padded lookup" id="lookup">
      <View className="field__label">查询受理编号（群众来电时用）</View>
      <View className="lookup__row">
        <Input
          className="field__input lookup__input"
          placeholderClass="field__placeholder"
          value={no}
          maxlength={11}
          placeholder="例如 SY261128001"
          onInput={(e) => {
            setNo(e.detail.value);
            setError(null);
          }}
          onConfirm={search}
        />
        <Button className="btn btn--primary btn--small" onClick={search} id="lookup-submit">
          查询
        </Button>
      </View>
      {error ? (
        <View className="field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}
