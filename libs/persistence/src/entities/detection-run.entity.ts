import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DatasetEntity } from './dataset.entity';

export type DetectionRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One run of the detectors over a dataset under a rule pack. */
@Entity({ name: 'detection_runs' })
@Index(['dataset_id', 'created_at'])
export class DetectionRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  dataset_id!: string;

  @ManyToOne(() => DatasetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_id' })
  dataset?: DatasetEntity;

  @Column({ type: 'text' })
  rule_pack!: string;

  /** Empty: every detector. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  detectors!: string[];

  @Column({ type: 'text', default: 'queued' })
  status!: DetectionRunStatus;

  @Column({ type: 'integer', nullable: true })
  findings_count!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finished_at!: Date | null;
}
