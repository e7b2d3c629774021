import { fileUrl } from './file-url';

export async function openStoredFile(fileID: string): Promise<void> {
  window.open(fileUrl(fileID), '_blank');
}

export async function openSpreadsheet(url: string): Promise<void> {
  window.open(url, '_blank');
}
