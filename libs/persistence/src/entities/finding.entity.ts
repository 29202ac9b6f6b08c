import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Finding } from '@fairmarket/contract';
import { DatasetEntity } from './dataset.entity';

/**
 * A finding of a dataset, keyed by its stable id: a re-run overwrites the row instead of
 * adding a second one, so alerts built on it (later) follow the latest metrics.
 */
@Entity({ name: 'findings' })
@Index(['dataset_id', 'rule_pack', 'severity'])
export class FindingEntity {
  @PrimaryColumn({ type: 'uuid' })
  dataset_id!: string;

  @ManyToOne(() => DatasetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_id' })
  dataset?: DatasetEntity;

  @PrimaryColumn({ type: 'text' })
  rule_pack!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'uuid' })
  run_id!: string;

  @Column({ type: 'text' })
  detector!: string;

  @Column({ type: 'text' })
  severity!: string;

  @Column({ type: 'text' })
  platform_id!: string;

  @Column({ type: 'jsonb' })
  doc!: Finding;

  @UpdateDateColumn({ type: 'timestamptz' })
  updated_at!: Date;
}
