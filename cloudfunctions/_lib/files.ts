import { cloud } from './cloud';

/** Stores a file the function generated (an .xlsx ledger or roster) and answers a URL to fetch it. */
export async function saveGeneratedFile(
  cloudPath: string,
  content: Buffer,
  name: string,
): Promise<{ fileID: string; url: string; name: string }> {
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  const res = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: { tempFileURL: string }[] };
  return { fileID, url: res.fileList[0]?.tempFileURL ?? '', name };
}
