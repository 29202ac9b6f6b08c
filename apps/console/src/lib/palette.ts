/**
 * Every colour the console uses, applied as CSS custom properties at start-up. Kept here, not
 * in the stylesheet, so the unit test checks the very pairs the pages show.
 */
export const PALETTE = {
  text: '#1a1f2b',
  muted: '#4a5263',
  background: '#ffffff',
  surface: '#f3f5f8',
  border: '#8a93a6',
  link: '#0b5394',
  focus: '#b35900',
  primary: '#0b5394',
  primaryText: '#ffffff',
  danger: '#a4161a',
  dangerText: '#ffffff',
  highBg: '#a4161a',
  highText: '#ffffff',
  mediumBg: '#8a4b00',
  mediumText: '#ffffff',
  lowBg: '#1d5e20',
  lowText: '#ffffff',
  infoBg: '#3d4656',
  infoText: '#ffffff',
  ok: '#1d5e20',
  overdue: '#a4161a',
  headerBg: '#10243e',
  headerText: '#ffffff',
  chartBar: '#0b5394',
  chartLine: '#1a1f2b',
} as const;

export type PaletteName = keyof typeof PALETTE;

/** Text/background pairs shown on screen; each must reach 4.5:1 (WCAG AA for normal text). */
export const TEXT_PAIRS: [PaletteName, PaletteName][] = [
  ['text', 'background'],
  ['text', 'surface'],
  ['muted', 'background'],
  ['muted', 'surface'],
  ['link', 'background'],
  ['link', 'surface'],
  ['primaryText', 'primary'],
  ['dangerText', 'danger'],
  ['danger', 'background'],
  ['highText', 'highBg'],
  ['mediumText', 'mediumBg'],
  ['lowText', 'lowBg'],
  ['infoText', 'infoBg'],
  ['ok', 'background'],
  ['overdue', 'background'],
  ['headerText', 'headerBg'],
];

/** Non-text elements (focus ring, borders of inputs, chart marks) need 3:1 (WCAG 1.4.11). */
export const GRAPHIC_PAIRS: [PaletteName, PaletteName][] = [
  ['focus', 'background'],
  ['border', 'background'],
  ['chartBar', 'background'],
  ['chartLine', 'background'],
];

export function applyPalette(root: HTMLElement): void {
  for (const [name, value] of Object.entries(PALETTE)) root.style.setProperty(`--${name}`, value);
}
