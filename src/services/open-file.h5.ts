import { fileLink } from './files';

export async function openStoredFile(fileID: string): Promise<void> {
  window.open(await fileLink(fileID), '_blank');
}

export async function openSpreadsheet(url: string): Promise<void> {
  window.open(url, '_blank');
}

export async function sendFile(url: string, name: string): Promise<void> {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noreferrer';
  link.click();
}
