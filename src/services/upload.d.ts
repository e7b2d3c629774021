/**
 * Uploads one file the person chose (a temp file path from pickImages / chooseMessageFile) to cloud
 * storage and answers its fileID. weapp: Taro.cloud.uploadFile; h5: POST /storage/upload on the local host.
 * Throws ServiceError on failure; the caller keeps the form and offers a retry.
 */
export declare function uploadFile(tempFilePath: string, name: string): Promise<string>;
