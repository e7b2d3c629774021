import { fileLink } from './files';

export async function openStoredFile(fileID: string): Promise<void> {
  window.open(await fileLink(fileID), '_blank');
}

export async function openSpreadsheet(url: string): Promise<void> {
  window.open(url, '_blank');
}
