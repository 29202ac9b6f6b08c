import { detectFileKind } from './file-kind';

describe('detectFileKind', () => {
  it.each([
    ['price_quotes.ndjson', { kind: 'price_quotes', format: 'ndjson', gzip: false }],
    ['price_quotes.ndjson.gz', { kind: 'price_quotes', format: 'ndjson', gzip: true }],
    ['merchant_events.jsonl', { kind: 'merchant_events', format: 'ndjson', gzip: false }],
    ['skus.csv', { kind: 'skus', format: 'csv', gzip: false }],
    ['orders.csv.gz', { kind: 'orders', format: 'csv', gzip: true }],
    ['/data/run-7/algorithms.ndjson', { kind: 'algorithms', format: 'ndjson', gzip: false }],
  ])('reads %s', (name, expected) => {
    expect(detectFileKind(name)).toEqual(expected);
  });

  it.each(['prices.ndjson', 'price_quotes.json', 'price_quotes.ndjson.zip', 'Price_Quotes.ndjson', 'price_quotes', 'x.price_quotes.ndjson', 'README.md'])(
    'does not take %s for a dataset file',
    (name) => {
      expect(detectFileKind(name)).toBeNull();
    },
  );
});
