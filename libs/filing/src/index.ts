export * from './filing-document';
export * from './build-filing';
export * from './measure-algorithm';
export * from './filing-sections';
export * from './render-filing-markdown';
export * from './render-filing-pdf';
