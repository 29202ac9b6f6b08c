import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DatasetEntity } from './dataset.entity';

export type DatasetFileStatus = 'queued' | 'processing' | 'done' | 'failed';

/** One uploaded file of a dataset and the progress of its ingestion. */
@Entity({ name: 'dataset_files' })
@Index(['dataset_id', 'status'])
export class DatasetFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  dataset_id!: string;

  @ManyToOne(() => DatasetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_id' })
  dataset?: DatasetEntity;

  @Column({ type: 'text' })
  file_name!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'boolean' })
  gzip!: boolean;

  @Column({ type: 'bigint' })
  size_bytes!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  storage_path!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: DatasetFileStatus;

  /** Non-blank lines read so far, and what became of them. */
  @Column({ type: 'integer', default: 0 })
  lines!: number;

  @Column({ type: 'integer', default: 0 })
  accepted!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  /** Accepted lines that were new; the rest of `accepted` were already stored (`duplicates`). */
  @Column({ type: 'integer', default: 0 })
  stored!: number;

  @Column({ type: 'integer', default: 0 })
  duplicates!: number;

  /** Last physical line whose outcome is committed; a retried job resumes after it. */
  @Column({ type: 'integer', default: 0 })
  checkpoint_line!: number;

  @Column({ type: 'bigint', default: 0 })
  bytes_read!: string;

  @Column({ type: 'jsonb', default: {} })
  rejection_counts!: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  started_at!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finished_at!: Date | null;
}
