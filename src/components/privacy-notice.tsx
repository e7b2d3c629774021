import { View } from '@tarojs/components';

/** The notice in plain words; the deploy docs list the same items for WeChat's 用户隐私保护指引. */
export function PrivacyNotice() {
  return (
    <View className="notice">
      <View className="notice__p">为了帮您办事，我们只收集必要的信息：</View>
      <View className="notice__li">· 您填写的姓名、手机号、所在乡镇/街道和身份类别，用来联系您、把事项转给对应部门；</View>
      <View className="notice__li">· 您提交的求助内容和照片，只给负责办理的部门和双拥办看；</View>
      <View className="notice__li">· 您允许后读取的位置，只用来按远近排出身边的服务站和优待场所，不会保存到服务器；</View>
      <View className="notice__li">· 双拥办的群众问卷不记名：只保存您选的答案、日期和所在乡镇，用来统计知晓率、支持率和参与率；</View>
      <View className="notice__li">· 手机号在其他地方都会隐去中间四位。</View>
      <View className="notice__p">我们不收集身份证号。您可以随时在「我的 → 个人信息」里修改或删除自己的信息。</View>
    </View>
  );
}
