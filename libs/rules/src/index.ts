import { CN_RULE_PACK } from './cn.rule-pack';
import { EU_RULE_PACK } from './eu.rule-pack';
import type { RulePack, RulePackName } from './rule-pack';

export * from './rule-pack';
export { CITATIONS } from './citations';
export { CN_RULE_PACK, EU_RULE_PACK };

export const RULE_PACKS: Record<RulePackName, RulePack> = { cn: CN_RULE_PACK, eu: EU_RULE_PACK };

export function rulePack(name: string): RulePack {
  const pack = RULE_PACKS[name as RulePackName];
  if (!pack) throw new Error(`unknown rule pack "${name}": use one of ${Object.keys(RULE_PACKS).join(', ')}`);
  return pack;
}
