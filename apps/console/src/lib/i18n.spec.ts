import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EN } from '../i18n/en';
import { ZH } from '../i18n/zh';
import { fill, htmlLang, initialLang } from './i18n';

describe('dictionaries', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
    for (const dict of [EN, ZH]) for (const [key, text] of Object.entries(dict)) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) expect({ key, zh: names(ZH[key]) }).toEqual({ key, zh: names(EN[key]) });
  });

  it('hold every key the pages ask for with t(…)', () => {
    const root = path.join(__dirname, '..');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.spec.ts') ? [path.join(dir, e.name)] : []));
    const used = new Set(files(root).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in EN))).toEqual([]);
  });
});

describe('language choice', () => {
  it('prefers the saved choice, then the browser: zh* is Chinese, anything else English', () => {
    expect(initialLang('en', 'zh-CN')).toBe('en');
    expect(initialLang(null, 'zh-TW')).toBe('zh');
    expect(initialLang(null, 'de-DE')).toBe('en');
    expect(initialLang('klingon', undefined)).toBe('en');
    expect(htmlLang('zh')).toBe('zh-CN');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('共 {n} 条告警', { n: 3 })).toBe('共 3 条告警');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
