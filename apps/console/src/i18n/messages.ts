import type { Lang } from '../lib/format';
import { EN, type MessageKey } from './en';
import { ZH } from './zh';

export type { MessageKey };
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en: EN, zh: ZH };
