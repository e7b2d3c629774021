import * as z from 'zod/mini';
import { UPLOAD_BYTES_LIMIT } from '../files';

const fileID = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^cloud:\/\/\S+$/, '不是有效的文件'));

export const filesContract = {
  /** Before an upload: where to put it (a folder of the caller's own), once the day's quota allows. */
  prepareUpload: z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1, '请给出文件名'), z.maxLength(200, '文件名太长')),
    size: z.int().check(z.minimum(1, '文件是空的'), z.maximum(UPLOAD_BYTES_LIMIT, `文件不能超过 ${UPLOAD_BYTES_LIMIT / 1024 / 1024} MB`)),
  }),
  /** After an upload: the file ID storage gave it, so that it can be found, used and removed. */
  confirmUpload: z.strictObject({ fileID }),
  /** Short-lived links to files the caller may read; the others are left out of the answer. */
  urls: z.strictObject({ fileIDs: z.array(fileID).check(z.minLength(1), z.maxLength(20, '一次最多 20 个文件')) }),
};

/** A short-lived link to one file the caller may read. */
export const fileLink = z.strictObject({ fileID: z.string(), url: z.string(), expiresAt: z.string() });

export const filesAnswers = {
  /** Where to upload: a path in the caller's own folder. */
  prepareUpload: z.strictObject({ cloudPath: z.string() }),
  confirmUpload: z.strictObject({ fileID: z.string() }),
  /** Links to the files the caller may read; the others are absent. */
  urls: z.strictObject({ items: z.array(fileLink) }),
};

export type PreparedUpload = z.output<typeof filesAnswers.prepareUpload>;
export type FileLink = z.output<typeof fileLink>;
