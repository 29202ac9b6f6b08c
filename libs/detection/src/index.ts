export * from './pg-dataset-source';
export * from './detection-store';
export * from './detection.service';
export * from './detection-runner.service';
export * from './findings-document.service';
export * from './detection.module';
