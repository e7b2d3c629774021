/** What the person picked: a temporary path `uploadFile` can send, and the file's own name. */
export interface ChosenFile {
  path: string;
  name: string;
  size: number;
}

/** `evidence`: any document or photo; `xlsx`: a workbook to import (the ledger's standard, the county's organization). */
export type FileKind = 'evidence' | 'xlsx';

/**
 * Lets the person pick one file. weapp: from a chat (wx.chooseMessageFile, where office documents
 * live on a phone); H5: the browser's file chooser. Answers null when they closed the picker.
 */
export declare function chooseFile(kind: FileKind): Promise<ChosenFile | null>;
