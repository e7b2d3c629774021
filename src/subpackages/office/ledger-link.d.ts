import type { LedgerFile } from '../../services/cases';

export interface LedgerLinkProps {
  file: LedgerFile;
}
/** The exported ledger: a download link in H5; in WeChat a button that downloads it and opens the viewer. */
export declare function LedgerLink(props: LedgerLinkProps): JSX.Element;
