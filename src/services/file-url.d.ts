/** Where an <Image> finds an uploaded file: weapp reads cloud:// file IDs itself; H5 asks the local host. */
export declare function fileUrl(fileID: string): string;
