// <image src> takes a cloud file ID as is: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/storage/api.html
export const fileUrl = (fileID: string): string => fileID;
