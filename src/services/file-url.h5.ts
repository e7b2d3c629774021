export const fileUrl = (fileID: string): string => `/storage/${encodeURIComponent(fileID)}`;
