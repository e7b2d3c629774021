import { View } from '@tarojs/components';
import { askPrivacy } from '../../lib/privacy';

interface ConsentBoxProps {
  checked: boolean;
  error?: string;
  onToggle: () => void;
}

/** 我已阅读并同意《个人信息保护说明》: the box and its words both tick it; the title opens the notice. */
export function ConsentBox({ checked, error, onToggle }: ConsentBoxProps) {
  return (
    <View className="section" id="field-consent">
      <View className="cs-consent">
        <View
          className={`cs-consent__box${checked ? ' cs-consent__box--on' : ''}`}
          role="checkbox"
          aria-checked={checked}
          aria-label="我已阅读并同意个人信息保护说明"
          id="consent"
          onClick={onToggle}
        >
          {checked ? '✓' : ''}
        </View>
        <View className="cs-consent__text">
          <View style={{ display: 'inline' }} onClick={onToggle}>
            我已阅读并同意
          </View>
          <View className="link" style={{ display: 'inline' }} role="link" onClick={() => void askPrivacy('read')}>
            《个人信息保护说明》
          </View>
          <View style={{ display: 'inline' }}>，同意把以上内容交给办理部门。</View>
        </View>
      </View>
      {error ? (
        <View className="field__error cs-consent__error" role="alert" id="error-consent">
          {error}
        </View>
      ) : null}
    </View>
  );
}
