/**
 * English cues, on lower-cased NFKC text. "shall not" is a duty (prohibit); only words that
 * take a duty back ("not required", "nothing in this Agreement shall restrict", "free to",
 * "non-exclusive", "shall not require") are negations.
 */
import type { CuePattern, Lexicon } from './cue-engine';

const re = (source: string): RegExp => new RegExp(source, 'g');
/** Up to n words. */
const WORDS = (n: number): string => `(?:[\\w'-]+,?\\s+){0,${n}}?`;

const CHANNEL_NOUN =
  '(?:platforms?|marketplaces?|channels?|online stores?|stores?|e-commerce sites?|sites?|websites?|apps?|aggregators?|retailers?|agenc(?:y|ies)|services?|resellers?|booking channels?|sales events?)';

const RIVAL = [
  `\\b(?:any|all)?\\s*others?\\s+${WORDS(3)}${CHANNEL_NOUN}\\b`,
  `\\b(?:competing|rival|competitor'?s?|another|third-party)\\s+${WORDS(3)}(?:${CHANNEL_NOUN}|events?|promotions?|campaigns?|sales?)\\b`,
  `\\bcompetitors?'?s?\\b|\\belsewhere\\b|\\banywhere online\\b|\\b(?:channels?|marketplaces?|platforms?) other than\\b`,
  `\\b(?:amazon|ebay|temu|aliexpress|zalando|etsy|walmart|shein|deliveroo|uber eats|expedia)\\b`,
].join('|');

const CHANNEL = `\\b(?:its|their|seller's|the hotel's) own (?:website|web ?shop|online store|stores?|websites)\\b|\\bin-store\\b|\\boffline stores?\\b`;

const VERB = [
  `\\b(?:sell(?!ers?\\b)\\w*|sold|list\\w*|offer\\w*|open\\w*|operat\\w+|trad\\w+|participat\\w+|tak\\w+ part|join\\w*|run\\w*|appear\\w*)\\b`,
  `\\b(?:accept\\w*|suppl(?!iers?\\b)\\w+|distribut\\w+|cooperat\\w+|partner(?:s|ing)? with|sign\\w* up|enter\\w* into|launch\\w*|work\\w* with)\\b`,
  `\\b(?:available|active|presence|present|channel|conduct\\w*|storefronts?|stores?|shops?|accounts?|use the (?:ordering|delivery))\\b`,
].join('|');

const CLOSE = `\\b(?:close|closing|withdraw\\w*|remov\\w+|deactivat\\w+|terminat\\w+|ceas\\w+|suspend\\w*|shut\\w* down|take down|stop\\w*|give up)\\b`;

const PROHIBIT = [
  `\\b(?:shall|must|may|will|can|should) not\\b|\\bcannot\\b|\\bwon't\\b|\\b(?:is|are)?\\s*prohibited from\\b|\\bagrees? not to\\b`,
  `\\bundertakes? not to\\b|\\brefrain\\w* from\\b|\\bcovenants? not to\\b|\\bnot to\\b|\\bno (?:seller|merchant|vendor|partner|supplier)s? shall\\b`,
  `\\bnot (?:be )?permitted to\\b|\\bnot allowed to\\b|\\bnone of\\b`,
].join('|');

const OBLIGE = [
  `\\b(?:shall|must|agrees? to|agrees? that|undertakes?|is required to|are required to|required|obliged|warrants?|guarantees?|grants?)\\b`,
  `\\b(?:ensure|covenants?|commits? to|hereby appoints|has to|have to|need to|may only|will(?! not))\\b`,
  // A proviso attached to a freedom is a duty: "may sell elsewhere, provided that its prices there are no lower".
  `\\bprovided(?:,\\s*however,)?\\s+that\\b|\\bon condition that\\b`,
].join('|');

/**
 * Verbs that, after "does not" / "will not", deny a restriction instead of imposing one.
 * "make" only with a condition after it ("does not make traffic conditional on exclusivity"):
 * "must not make the products available on a competing marketplace" is a prohibition.
 */
const RESTRICT_VERB =
  "(?:(?:require|restrict|prevent|prohibit|limit|penali[sz]e|enforce|impose|demote|reduce|ask|monitor|compare|oblige|force|affect|lose|suffer)\\w*|mak(?:e|es|ing)\\b(?=[^.;]{0,80}?\\b(?:conditional|dependent|contingent|subject)\\b))";

/** A sanction that names what is taken before the verb: "have their search ranking reduced". */
const SANCTIONED_NOUN = '(?:visibility|traffic|search ranking|rankings?|exposure|recommendations|placement|prominence)';
const SANCTION_PARTICIPLE = '(?:reduced|lowered|limited|throttled|decreased|cut|restricted|downgraded|capped)';

const NEGATION = [
  `\\bnot (?:be )?required\\b|\\bnot (?:be )?obliged\\b|\\b(?:under )?no obligation\\b|\\bnothing in\\b|\\bno provision\\b|\\bnot be construed\\b`,
  `\\b(?:does|do|did|will|shall|may|must|should|cannot|can|would) not ${WORDS(2)}${RESTRICT_VERB}`,
  `\\bnot (?:be )?(?:penali[sz]ed|demoted|excluded|disadvantaged|punished)\\b|\\bnever ${WORDS(1)}(?:ask|require|penali[sz]e)\\w*`,
  // The denial of a noun-first sanction: "will not have their ranking reduced", "traffic will not be
  // limited" (but "including but not limited to" denies nothing).
  `\\b(?:not|never) (?:have|see|get|find) ${WORDS(3)}${SANCTIONED_NOUN} ${SANCTION_PARTICIPLE}\\b|\\bnot (?:be )?${SANCTION_PARTICIPLE}\\b(?! to\\b)`,
  `\\bfree to\\b|\\bfreely\\b|\\bat (?:its|their) (?:sole )?discretion\\b|\\bretains? (?:full )?discretion\\b|\\bdiscretion over\\b`,
  `\\bnon-exclusive\\b|\\bnot exclusive\\b|\\bvoluntary\\b|\\boptional\\b`,
  `\\bmay(?! not)(?= (?:\\w+ )?(?:offer|sell|list|set|decide|work|run|export|choose|determine|operate|use|continue)\\b)`,
  `\\bcan (?:run|sell|list|offer|work|choose)\\b|\\bno (?:effect|role|bearing)\\b|\\bwithout (?:any )?penalty\\b`,
  `\\bregardless of\\b|\\birrespective of\\b|\\bbring to an end\\b|\\bcease (?:applying|to apply|enforcing)\\b|\\bcommitted not to\\b`,
  `\\bundert(?:ook|akes) to remove\\b|\\bsince removed\\b|\\bno adverse\\b|\\breport it\\b|\\bpressured\\b|\\bfined\\b`,
].join('|');

const ONLY = [
  `\\bexclusively\\s+(?:through|on|via|with|in)\\s+(?:the\\s+)?(?:platform|marketplace)\\b`,
  `\\b(?:only|solely)\\s+${WORDS(4)}(?:on|through|via)\\s+(?:the\\s+)?(?:platform|marketplace)\\b|\\b(?:platform|marketplace) only\\b`,
  `\\b(?:offer|sell|list)\\w*\\s+${WORDS(4)}exclusively\\b|\\bon an exclusive basis\\b`,
  `\\b(?:sole|exclusive|only) (?:online )?(?:retail )?(?:sales )?(?:channel|marketplace|platform|online platform)\\b`,
  `\\bexclusive (?:online )?(?:sales|distribution) (?:rights?|channel)\\b|\\bchannel all\\b`,
  `\\bchoose between the (?:platform|marketplace)\\b|\\bonly operate on one\\b|\\bexclusivity (?:period|obligations?)\\b|\\bbreach of exclusivity\\b`,
].join('|');

const SANCTION = [
  `\\bdemot\\w*|\\bdownrank\\w*|\\b(?:reduc|lower|limit|throttl|decreas|cut)\\w*\\s+${WORDS(4)}(?:visibility|traffic|ranking|exposure|recommendations|radius|placement|prominence)\\b`,
  // Noun first: "will have their search ranking reduced", "will see their traffic limited", "visibility will be cut".
  `\\b${SANCTIONED_NOUN}\\s+(?:(?:will|may|shall|can|would|could)\\s+)?(?:be\\s+|being\\s+)?${SANCTION_PARTICIPLE}\\b`,
  `\\branked lower\\b|\\blower in (?:search|the)\\b|\\bforfeit\\w*|\\bretain\\w* the (?:security )?deposit\\b|\\bwithh(?:o|e)ld\\w*`,
  `\\bdelist\\w*|\\bsuspen\\w+|\\bterminat\\w+|\\bexclu\\w+ from\\b|\\bexcluded\\b|\\bremoved\\b`,
  `\\bremov\\w+ ${WORDS(3)}from (?:the )?(?:campaign|deal|event|programme|program|preferred|search)`,
  `\\b(?:not|no longer) (?:be )?eligible\\b|\\blos(?:e|es|t)\\b|\\brevoked?\\b|\\bclaw\\w* back\\b|\\bbarred\\b|\\bwatch list\\b`,
  `\\bhidden\\b|\\bdeactivated\\b|\\bdowngraded\\b|\\b(?:fees?|commission\\w*)\\s+${WORDS(2)}increased\\b|\\bincreas\\w*\\s+${WORDS(2)}(?:commission|fees?)\\b`,
  `\\bpenalt(?:y|ies)\\b|\\bpenali[sz]\\w*|\\bliquidated damages\\b|\\bcancel\\w*|\\bwarning\\b|\\bsuppress\\w*|\\bcharge (?:a|an)\\b`,
  `\\brefund the (?:price )?difference\\b`,
].join('|');

const CONDITION = `\\b(?:if|where|should|who|that|which|whose|in the event|when|upon|once|found|identified|discovered)\\b`;

const ANAPHOR = [
  `\\botherwise\\b|\\bfailing (?:which|that|this)\\b|\\b(?:any )?breach of (?:this|the foregoing|the above|such|that) (?:clause|section|obligation|undertaking|provision)`,
  `\\bin breach of (?:this|the foregoing|the above|such|that)\\b|\\bnon-compliance with (?:this|the foregoing)\\b`,
].join('|');

const MISCONDUCT = `\\b(?:listed|classified|designated|flagged) as (?:prohibited|restricted|banned|illegal|unsafe)\\b|\\b(?:prohibited|restricted|illegal|recalled) (?:products?|items?|goods)\\b|\\bcounterfeit\\w*|\\bfake\\b|\\bmanipulat\\w+|\\bfraud\\w*|\\bsafety\\b|\\bship late\\b|\\bpolicy violations?\\b|\\braise prices\\b|\\binflate\\b|\\bbanned\\b|\\bcancel \\w+ orders\\b`;

const NON_CHANNEL = [
  `\\btrademarks?\\b|\\blogos?\\b|\\blicen[cs]\\w*|\\bterritor\\w*|\\bjurisdiction\\b|\\bremed(?:y|ies)\\b|\\bconfidential\\w*|\\bdisclos\\w+`,
  `\\bdistributors?\\b|\\bdealers?\\b|\\bagent\\b|\\bsponsor\\w*|\\bstreaming rights\\b|\\bpayment service|\\blogistics\\b|\\bemploy\\w+|\\bnegotiat\\w+`,
  `\\bjointly developed\\b|"only at|\\bbrand story\\b|\\bbadges?\\b(?=[^.]{0,20}\\b(?:displayed|used)\\b)|\\bfunded by the platform\\b|\\bpersonal data\\b|\\bcustomer data\\b`,
  `\\bdata\\b|\\blinks?\\b|\\bdirect buyers\\b|\\boutside the platform\\b|\\bfee schedule\\b|\\bbrand name\\b|\\badvertisements?\\b|\\breviews?\\b|\\bimages\\b`,
].join('|');

const CONSUMER = `\\bprice match (?:promise|guarantee)\\b|\\bfunded (?:entirely )?by the platform\\b|\\bsold and shipped by\\b|\\bwithin \\d+ days of (?:purchase|delivery)\\b|\\bif you find\\b|\\bwe will refund\\b|\\bmembers receive\\b`;

const PRICE = `\\b(?:cheap\\w*|prices?|pric(?:ed|ing)|rates?|terms|conditions|discounts?|promotions?|promotional terms|rebates?|availability|rooms?)\\b`;

const COMPARATOR = [
  `\\bno higher than\\b|\\bnot (?:be )?higher than\\b|\\b(?:not|never) exceed\\b|\\bexceeds?\\b|\\bno less (?:favou?rable|generous)\\b|\\bat least as (?:favou?rable|good|low|attractive)\\b|\\bas low as\\b|\\bmore cheaply\\b`,
  `\\blower\\b|\\bbelow\\b|\\bcheaper\\b|\\bbetter\\b|\\bmore favou?rable\\b|\\bmost favou?rable\\b|\\bsame or better\\b|\\bequal to or (?:below|lower)\\b`,
  `\\bat or below\\b|\\bin line with\\b|\\blowest\\b|\\bbest price\\b|\\bmatch\\b|\\balign\\b|\\bparity\\b|\\baccordingly\\b|\\bon the same terms\\b|\\balso be made available\\b`,
].join('|');

const LOWEST_ACROSS = `\\blowest price (?:available )?${WORDS(4)}(?:anywhere|online|across)\\b|\\bbest price at which ${WORDS(6)}online\\b|\\balways have the lowest price\\b`;

const MFN = `\\bmost[- ]favou?red\\b|\\bmfn\\b|\\bmost favou?rable (?:prices?|terms)\\b|\\bprice parity\\b`;

const PATTERNS: CuePattern[] = [
  { cls: 'rival', re: re(RIVAL) },
  { cls: 'channel', re: re(CHANNEL) },
  { cls: 'verb', re: re(VERB) },
  { cls: 'close', re: re(CLOSE) },
  { cls: 'prohibit', re: re(PROHIBIT) },
  { cls: 'oblige', re: re(OBLIGE) },
  { cls: 'negation', re: re(NEGATION) },
  {
    cls: 'denial',
    re: re(`\\b(?:has|have) never\\b|\\bdenies\\b|\\bcomplain\\w*|\\balleg\\w+`),
  },
  { cls: 'only', re: re(ONLY) },
  { cls: 'sanction', re: re(SANCTION) },
  { cls: 'condition', re: re(CONDITION) },
  { cls: 'anaphor', re: re(ANAPHOR) },
  { cls: 'misconduct', re: re(MISCONDUCT) },
  { cls: 'non_channel', re: re(NON_CHANNEL) },
  { cls: 'consumer', re: re(CONSUMER) },
  { cls: 'price', re: re(PRICE) },
  { cls: 'comparator', re: re(COMPARATOR) },
  { cls: 'lowest_across', re: re(LOWEST_ACROSS) },
  { cls: 'mfn', re: re(MFN) },
];

export const EN_LEXICON: Lexicon = {
  language: 'en',
  patterns: PATTERNS,
  contrast: /[,;]?\s*\b(?:but|however|provided(?:,\s*however,)?\s+that|except that|save that)\b/g,
  phraseBreak: /[,;:]|\b(?:and|or|nor|also|as well as)\b/g,
  verbRivalWindow: 60,
  priceComparatorWindow: 60,
};
