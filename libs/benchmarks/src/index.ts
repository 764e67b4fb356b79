export * from './benchmark-document';
export * from './validate-benchmark';
export * from './catalogue';
