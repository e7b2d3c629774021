/**
 * Opening stored documents on each platform. weapp: Taro.cloud.downloadFile / Taro.downloadFile, then
 * WeChat's document viewer (Taro.openDocument); h5: the local host's URL in a new tab.
 */
/** Opens an attachment (PDF, Word, spreadsheet) by its fileID; throws ServiceError when it cannot. */
export declare function openStoredFile(fileID: string): Promise<void>;
/** Opens a generated spreadsheet at `url` (the exported ledger). */
export declare function openSpreadsheet(url: string): Promise<void>;
/**
 * Hands over a generated file WeChat cannot open (the 迎查 package's .zip): weapp sends it to a chat (文件传输助手
 * opens it on a computer); h5 downloads it under `name`.
 */
export declare function sendFile(url: string, name: string): Promise<void>;
