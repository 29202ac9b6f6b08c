import { Column, JoinColumn, ManyToOne, Entity, PrimaryColumn } from 'typeorm';
import { DatasetFileEntity } from './dataset-file.entity';

/** One rejected line (the first MAX_REJECTIONS_KEPT of each file; counts by reason cover all). */
@Entity({ name: 'rejections' })
export class RejectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  file_id!: string;

  @ManyToOne(() => DatasetFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file?: DatasetFileEntity;

  @PrimaryColumn({ type: 'integer' })
  line!: number;

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ type: 'text' })
  reason!: string;
}
