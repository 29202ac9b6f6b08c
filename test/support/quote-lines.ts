/** Valid price quote lines for tests, one JSON object per line. */
export function quoteLine(i: number, overrides: Record<string, unknown> = {}): string {
  const ts = new Date(Date.UTC(2026, 2, 1, 2, 0, 0) + i * 1000).toISOString().replace('Z', '+00:00');
  return JSON.stringify({
    platform_id: 'p1',
    quote_id: `q-${i}`,
    ts,
    sku_id: `s${i % 50}`,
    merchant_id: 'm1',
    user_id: `u-${i % 997}`,
    user: { device_os: i % 2 ? 'ios' : 'android', spend_90d: (i * 37) % 100000 },
    list_price: 10000,
    price: 9900,
    final_price: 9900,
    currency: 'CNY',
    ...overrides,
  });
}

export function quoteFile(count: number, start = 0): string {
  const lines: string[] = [];
  for (let i = start; i < start + count; i++) lines.push(quoteLine(i));
  return lines.join('\n') + '\n';
}
