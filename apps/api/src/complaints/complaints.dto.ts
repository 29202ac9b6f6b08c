import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Matches, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { COMPLAINT_CATEGORY_NAMES, type ComplaintCategory } from '@fairmarket/workflow';

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class ObservedPriceDto {
  @ApiProperty({ description: 'Price seen, in the minor unit (fen, cent)' }) @IsInt() @Min(0)
  price_minor!: number;

  @ApiProperty({ example: 'CNY' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency!: string;

  @ApiProperty({ description: 'When it was seen, RFC 3339 with offset' }) @IsISO8601({ strict: true }, { message: 'seen_at must be an RFC 3339 timestamp with offset' })
  seen_at!: string;

  @ApiPropertyOptional({ description: 'Who saw it or how: "logged-in iPhone user", "new account"' }) @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

export class SubmitComplaintDto {
  @ApiProperty() @Matches(ID, { message: 'platform_id must be an id of at most 128 characters from [A-Za-z0-9._:-]' })
  platform_id!: string;

  @ApiPropertyOptional({ description: 'The product; give it or page_url' }) @ValidateIf((o) => !o.page_url || o.sku_id !== undefined) @Matches(ID, { message: 'give sku_id (an id) or page_url' })
  sku_id?: string;

  @ApiPropertyOptional({ description: 'The product page address' }) @IsOptional() @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'page_url must be an http(s) address' }) @MaxLength(2000)
  page_url?: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORY_NAMES }) @IsIn(COMPLAINT_CATEGORY_NAMES, { message: `category must be one of ${COMPLAINT_CATEGORY_NAMES.join(', ')}` })
  category!: ComplaintCategory;

  @ApiProperty({ type: [ObservedPriceDto], description: 'Prices and times seen' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ObservedPriceDto)
  observed!: ObservedPriceDto[];

  @ApiProperty() @IsString() @MinLength(10, { message: 'narrative must say what happened in at least 10 characters' }) @MaxLength(20000)
  narrative!: string;
}

export class ComplaintStatusDto {
  @ApiProperty({ enum: ['under_review', 'closed'] }) @IsIn(['under_review', 'closed'])
  status!: 'under_review' | 'closed';

  @ApiPropertyOptional({ description: 'Shown to the submitter' }) @IsOptional() @IsString() @MaxLength(5000)
  note?: string;
}

export class ComplaintQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses' }) @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(['received', 'duplicate', 'detection_running', 'under_review', 'linked', 'closed'], { each: true })
  status?: string[];
}
