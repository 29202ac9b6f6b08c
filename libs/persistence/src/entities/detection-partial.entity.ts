import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DetectionRunEntity } from './detection-run.entity';

/**
 * One platform's partial result of one detector in a run, written by a child job and read
 * by the run's final step. Stored gzipped: partials hold per-stratum sufficient statistics
 * and can be large.
 */
@Entity({ name: 'detection_partials' })
export class DetectionPartialEntity {
  @PrimaryColumn({ type: 'uuid' })
  run_id!: string;

  @ManyToOne(() => DetectionRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: DetectionRunEntity;

  @PrimaryColumn({ type: 'text' })
  platform_id!: string;

  @PrimaryColumn({ type: 'text' })
  detector!: string;

  @Column({ type: 'bytea' })
  partial_gz!: Buffer;
}
