import { BadRequestException, Inject, Injectable, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { ATTACHMENT_TYPES, sniffAttachmentType, type AttachmentMeta } from '@fairmarket/workflow';

/**
 * Receives complaint attachments (multipart field "files"): at most COMPLAINT_ATTACHMENT_MAX_BYTES
 * each (screenshots are small, so each is held in memory to check its type by content before
 * it is written), only PNG, JPEG, WebP or PDF, whatever the file is called.
 */
@Injectable()
export class ComplaintAttachmentsService {
  constructor(@Inject(APP_CONFIG) private readonly config: Environment) {}

  /** `folder`: where under UPLOAD_DIR, e.g. `complaints/<id>` or `alerts/<id>`. */
  async receive(req: Request, folder: string, room: number): Promise<AttachmentMeta[]> {
    if (!req.is('multipart/form-data')) {
      throw new UnsupportedMediaTypeException({ code: 'multipart_required', message: 'Send attachments as multipart/form-data (field name "files").', message_zh: '请以 multipart/form-data 上传附件（字段名 files）。' });
    }
    const files = await this.parse(req, room);
    if (files.length === 0) throw new BadRequestException({ code: 'no_files', message: 'The upload holds no file.', message_zh: '上传中没有文件。' });
    const dir = resolve(this.config.UPLOAD_DIR, folder);
    await mkdir(dir, { recursive: true });
    const out: AttachmentMeta[] = [];
    try {
      for (const f of files) {
        const storagePath = join(dir, `${randomUUID()}-${f.name}`);
        await writeFile(storagePath, f.data);
        out.push({ file_name: f.name, content_type: f.type, size_bytes: f.data.length, sha256: createHash('sha256').update(f.data).digest('hex'), storage_path: storagePath });
      }
    } catch (error) {
      await Promise.all(out.map((f) => rm(f.storage_path, { force: true })));
      throw error;
    }
    return out;
  }

  private parse(req: Request, room: number): Promise<{ name: string; type: string; data: Buffer }[]> {
    const max = this.config.COMPLAINT_ATTACHMENT_MAX_BYTES;
    return new Promise((resolveFiles, reject) => {
      const bb = busboy({ headers: req.headers, limits: { fileSize: max, files: room, fields: 0 } });
      const files: { name: string; type: string; data: Buffer }[] = [];
      let problem: Error | null = null;
      bb.on('file', (_field, stream, info) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => {
          problem ??= new PayloadTooLargeException({ code: 'attachment_too_large', message: `"${info.filename}" is over ${max} bytes; send a smaller screenshot.`, message_zh: `附件 "${info.filename}" 超过 ${max} 字节。` });
        });
        stream.on('end', () => {
          const data = Buffer.concat(chunks);
          const type = sniffAttachmentType(data.subarray(0, 16));
          if (!type) {
            problem ??= new UnsupportedMediaTypeException({ code: 'attachment_type', message: `"${info.filename}" is not ${ATTACHMENT_TYPES.join(', ')}; send a screenshot or a PDF.`, message_zh: `附件 "${info.filename}" 须为 PNG、JPEG、WebP 图片或 PDF。` });
          }
          files.push({ name: basename(info.filename ?? 'attachment').replace(/[^A-Za-z0-9._-]/g, '_'), type: type ?? '', data });
        });
      });
      bb.on('filesLimit', () => {
        problem ??= new PayloadTooLargeException({ code: 'too_many_attachments', message: `This complaint has room for ${room} more attachment(s).`, message_zh: `该投诉最多还可上传 ${room} 个附件。` });
      });
      bb.on('error', reject);
      bb.on('close', () => (problem ? reject(problem) : resolveFiles(files)));
      req.pipe(bb);
    });
  }
}
