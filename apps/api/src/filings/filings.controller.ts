import { BadRequestException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AlgorithmDeclaration } from '@fairmarket/contract';
import { DetectionStore } from '@fairmarket/detection';
import { buildFiling, renderFilingMarkdown, renderFilingPdf } from '@fairmarket/filing';
import { DatasetService } from '@fairmarket/ingestion';
import { rulePack } from '@fairmarket/rules';
import { Access } from '../auth/access.decorator';

export class FilingQuery {
  @ApiPropertyOptional({ enum: ['json', 'md', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'md', 'pdf'], { message: 'format must be json, md or pdf' })
  format?: 'json' | 'md' | 'pdf';

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'Language of the Markdown' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang must be zh or en' })
  lang?: 'zh' | 'en';

  @ApiPropertyOptional({ enum: ['cn', 'eu'] })
  @IsOptional()
  @IsIn(['cn', 'eu'])
  rule_pack?: 'cn' | 'eu';

  @ApiPropertyOptional({ description: 'The platform, when several declare the same algorithm id' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'platform_id must be an id of at most 128 characters from A-Z a-z 0-9 . _ : -' })
  platform_id?: string;
}

/** The filing draft of one declared algorithm, from the stored declaration and the latest findings. */
@ApiTags('filings')
@Controller('v1/datasets/:id/filings')
export class FilingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly datasets: DatasetService,
    private readonly store: DetectionStore,
  ) {}

  @Get(':algorithmId')
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'Algorithm filing draft (CAC structure + DSA art. 27) as JSON, Markdown (zh/en) or PDF' })
  async filing(@Param('id', ParseUUIDPipe) id: string, @Param('algorithmId') algorithmId: string, @Query() q: FilingQuery, @Res() res: Response) {
    const dataset = await this.datasets.get(id);
    const pack = rulePack(q.rule_pack ?? dataset.rule_pack);
    const rows: { platform_id: string; doc: AlgorithmDeclaration }[] = await this.dataSource.query(
      'SELECT platform_id, doc FROM ev_algorithms WHERE dataset_id = $1 AND natural_id = $2 AND ($3::text IS NULL OR platform_id = $3) ORDER BY platform_id, line_no DESC',
      [id, algorithmId, q.platform_id ?? null],
    );
    const platforms = [...new Set(rows.map((r) => r.platform_id))];
    if (platforms.length === 0) throw new NotFoundException({ code: 'algorithm_not_declared', message: `Dataset ${id} declares no algorithm ${algorithmId}${q.platform_id ? ` on platform ${q.platform_id}` : ''}: check algorithms.ndjson.`, message_zh: `数据集 ${id} 未声明算法 ${algorithmId}。` });
    if (platforms.length > 1) throw new BadRequestException({ code: 'algorithm_ambiguous', message: `Algorithm ${algorithmId} is declared on several platforms (${platforms.join(', ')}): add ?platform_id=.`, message_zh: `算法 ${algorithmId} 在多个平台上声明，请指定 platform_id。` });
    const filing = buildFiling(rows[0].doc, await this.store.findings(id, pack.name), pack);
    if (q.format === 'md') {
      res.type('text/markdown; charset=utf-8').send(renderFilingMarkdown(filing, q.lang ?? 'zh'));
    } else if (q.format === 'pdf') {
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `attachment; filename="filing-${algorithmId}.pdf"`);
      renderFilingPdf(filing).pipe(res);
    } else {
      res.json(filing);
    }
  }
}
