import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DatasetScope = 'self_audit' | 'submission';
/** open: accepting files; ingesting: files queued or in progress; ready: every file done. */
export type DatasetStatus = 'open' | 'ingesting' | 'ready';

@Entity({ name: 'datasets' })
export class DatasetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The submitting platform; null for a regulator's dataset that spans platforms. */
  @Index()
  @Column({ type: 'text', nullable: true })
  platform_id!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  scope!: DatasetScope;

  @Column({ type: 'text', default: 'open' })
  status!: DatasetStatus;

  @Column({ type: 'text', default: 'cn' })
  rule_pack!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  ready_at!: Date | null;
}
