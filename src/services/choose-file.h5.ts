import type { ChosenFile, FileKind } from './choose-file';

const ACCEPT: Record<FileKind, string> = {
  evidence: 'image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// taro-h5 has no chooseMessageFile: a hidden <input type=file>, whose file a blob: URL hands to uploadFile.
export function chooseFile(kind: FileKind): Promise<ChosenFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.style.display = 'none';
    input.id = `choose-file-${kind}`;
    const done = (file: ChosenFile | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null);
    });
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}
