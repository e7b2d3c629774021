import type { LedgerLinkProps } from './ledger-link';

// H5 only: a plain link, so the browser downloads the .xlsx under its own name.
export function LedgerLink({ file }: LedgerLinkProps) {
  return (
    <a className="ledger-link" href={file.url} download={file.name} target="_blank" rel="noreferrer" id="ledger-link">
      下载 {file.name}
    </a>
  );
}
