export * from './dataset.service';
export * from './file-ingestion.service';
export * from './ingestion-report.service';
export * from './ingestion-report';
export * from './ingestion.module';
export * from './encode-event-row';
