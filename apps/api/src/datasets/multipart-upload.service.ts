import { BadRequestException, Inject, Injectable, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { detectFileKind, FILE_KINDS } from '@fairmarket/contract';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import type { StoredUpload } from '@fairmarket/ingestion';

class UploadRejected extends Error {
  constructor(readonly httpError: Error) {
    super(httpError.message);
  }
}

/**
 * Receives a multipart upload and streams each file straight to disk, hashing it on the way:
 * nothing is held in memory whole. Enforces the size and count limits (413) and refuses files
 * whose name is not a known dataset file (415) before anything is queued.
 */
@Injectable()
export class MultipartUploadService {
  constructor(@Inject(APP_CONFIG) private readonly config: Environment) {}

  async receive(req: Request, datasetId: string): Promise<StoredUpload[]> {
    if (!req.is('multipart/form-data')) {
      throw new UnsupportedMediaTypeException({
        code: 'multipart_required',
        message: 'Send files as multipart/form-data (field name "files").',
        message_zh: '请以 multipart/form-data 上传文件（字段名 files）。',
      });
    }
    const dir = resolve(this.config.UPLOAD_DIR, datasetId);
    await mkdir(dir, { recursive: true });
    const stored: StoredUpload[] = [];
    try {
      await this.parse(req, dir, stored);
    } catch (error) {
      await Promise.all(stored.map((f) => rm(f.storagePath, { force: true })));
      if (error instanceof UploadRejected) throw error.httpError;
      throw error;
    }
    if (stored.length === 0) {
      throw new BadRequestException({ code: 'no_files', message: 'The upload holds no file.', message_zh: '上传中没有文件。' });
    }
    return stored;
  }

  private parse(req: Request, dir: string, stored: StoredUpload[]): Promise<void> {
    const limits = { fileSize: this.config.MAX_UPLOAD_BYTES, files: this.config.MAX_FILES_PER_UPLOAD, fields: 20, parts: this.config.MAX_FILES_PER_UPLOAD + 20 };
    return new Promise<void>((resolvePromise, reject) => {
      const bb = busboy({ headers: req.headers, limits });
      const writes: Promise<void>[] = [];
      let failed: UploadRejected | null = null;
      const fail = (e: Error) => {
        failed ??= new UploadRejected(e);
      };

      bb.on('file', (_field, stream, info) => {
        const fileName = basename(info.filename ?? '');
        const detected = detectFileKind(fileName);
        if (failed || !detected) {
          if (!detected) {
            fail(
              new UnsupportedMediaTypeException({
                code: 'unknown_file_type',
                message: `"${fileName}" is not a dataset file: name it <kind>.ndjson, .ndjson.gz or .csv, with kind one of ${FILE_KINDS.join(', ')}`,
                message_zh: `"${fileName}" 不是可识别的数据文件：文件名应为 <类型>.ndjson、.ndjson.gz 或 .csv`,
              }),
            );
          }
          stream.resume();
          return;
        }
        const storagePath = join(dir, `${randomUUID()}-${fileName}`);
        const hash = createHash('sha256');
        let size = 0;
        const meter = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            size += chunk.length;
            hash.update(chunk);
            cb(null, chunk);
          },
        });
        stream.on('limit', () => {
          fail(
            new PayloadTooLargeException({
              code: 'file_too_large',
              message: `"${fileName}" is larger than the ${this.config.MAX_UPLOAD_BYTES} bytes allowed per file; split it`,
              message_zh: `"${fileName}" 超过单个文件 ${this.config.MAX_UPLOAD_BYTES} 字节的限制，请拆分后上传`,
            }),
          );
        });
        const entry: StoredUpload = { fileName, ...detected, sizeBytes: 0, sha256: '', storagePath };
        stored.push(entry);
        writes.push(
          pipeline(stream, meter, createWriteStream(storagePath)).then(() => {
            entry.sizeBytes = size;
            entry.sha256 = hash.digest('hex');
          }),
        );
      });
      bb.on('filesLimit', () =>
        fail(
          new PayloadTooLargeException({
            code: 'too_many_files',
            message: `At most ${this.config.MAX_FILES_PER_UPLOAD} files per upload`,
            message_zh: `每次上传最多 ${this.config.MAX_FILES_PER_UPLOAD} 个文件`,
          }),
        ),
      );
      bb.on('error', (e) => reject(new BadRequestException({ code: 'bad_multipart', message: `The multipart body is malformed: ${(e as Error).message}`, message_zh: '上传的 multipart 内容格式错误' })));
      bb.on('close', () => {
        Promise.all(writes)
          .then(() => (failed ? reject(failed) : resolvePromise()))
          .catch(reject);
      });
      req.pipe(bb);
    });
  }
}
