import { Switch, View } from '@tarojs/components';

/** 情况紧急: a switch with the plain rule for when to use it and what it changes. */
export function UrgentSwitch({ value, onChange }: { value: boolean; onChange: (urgent: boolean) => void }) {
  return (
    <View className="field cs-switch-field" id="field-urgent">
      <View className="cs-switch-row">
        <View className="cs-switch-row__main">
          <View className="cs-switch-row__title">情况紧急</View>
          <View className="field__label">
            有人身安全危险或财产正在受损（比如房子漏雨要塌、急病没钱看、被人威胁）才选这一项。紧急求助 2 小时内签收、1 个工作日内答复。
          </View>
        </View>
        <Switch
          className="cs-switch-row__switch"
          checked={value}
          color="#b71c1c"
          nativeProps={{ 'aria-label': '情况紧急' }}
          onChange={(e) => onChange(e.detail.value)}
        />
      </View>
    </View>
  );
}
