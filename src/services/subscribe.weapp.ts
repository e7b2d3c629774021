import Taro from '@tarojs/taro';

export async function requestSubscribe(templateIds: string[]): Promise<string[]> {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as never)) as unknown as Record<string, string>;
    return templateIds.filter((id) => res[id] === 'accept');
  } catch {
    return [];
  }
}
