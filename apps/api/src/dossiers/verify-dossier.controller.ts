import { Controller, HttpCode, Inject, PayloadTooLargeException, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { verifyDossier } from '@fairmarket/dossier';
import { Access } from '../auth/access.decorator';

/** Checks a dossier bundle sent as the raw request body, exactly as `fairmarket verify-dossier` does offline. */
@ApiTags('dossiers')
@Controller('v1/dossiers')
export class VerifyDossierController {
  constructor(@Inject(APP_CONFIG) private readonly config: Environment) {}

  @Post('verify')
  @HttpCode(200)
  @Access({ roles: ['regulator', 'platform_compliance', 'consumer_group', 'admin'] })
  @ApiConsumes('application/zip')
  @ApiOperation({ summary: 'Verify a dossier ZIP (body: the file, content-type application/zip); names every changed file or exhibit row' })
  async verify(@Req() req: Request) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > this.config.MAX_UPLOAD_BYTES) {
        throw new PayloadTooLargeException({ message: `The bundle is larger than MAX_UPLOAD_BYTES (${this.config.MAX_UPLOAD_BYTES}): verify it offline with \`fairmarket verify-dossier FILE\`.`, message_zh: '卷宗超过上传上限，请用命令行离线校验。' });
      }
      chunks.push(chunk as Buffer);
    }
    return verifyDossier(Buffer.concat(chunks));
  }
}
