import { DatasetFileEntity } from './dataset-file.entity';
import { DatasetEntity } from './dataset.entity';
import { DetectionPartialEntity } from './detection-partial.entity';
import { DetectionRunEntity } from './detection-run.entity';
import { FindingEntity } from './finding.entity';
import { RejectionEntity } from './rejection.entity';

export { DatasetEntity, DatasetFileEntity, RejectionEntity, DetectionRunEntity, DetectionPartialEntity, FindingEntity };
export type { DatasetScope, DatasetStatus } from './dataset.entity';
export type { DatasetFileStatus } from './dataset-file.entity';
export type { DetectionRunStatus } from './detection-run.entity';

export const ENTITIES = [DatasetEntity, DatasetFileEntity, RejectionEntity, DetectionRunEntity, DetectionPartialEntity, FindingEntity];
