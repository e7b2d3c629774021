import type { LedgerFile } from '../../services/ledger';

export interface FileLinkProps {
  file: LedgerFile;
  id?: string;
}
/** A generated .xlsx: a download link in H5; in WeChat a button that downloads it and opens the viewer. */
export declare function FileLink(props: FileLinkProps): JSX.Element;
