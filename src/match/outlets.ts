/**
 * News outlets a corpus text may credit as its source. A credit names an
 * outlet that need not be in the corpus; the aliases are how texts write
 * it, the domains how pages link to it. Extend freely.
 */
export interface Outlet {
  name: string;
  aliases: string[];
  domains: string[];
  /**
   * How a page that has already named the outlet goes on to call it ("the
   * Times"). Credit only, and matched in this exact case: "the times" is
   * any text. Not used to find a corpus text's source, where "the Times"
   * could be any of several papers.
   */
  shortForms?: string[];
}

export const OUTLETS: Outlet[] = [
  { name: 'The New York Times', aliases: ['New York Times', 'NYT', 'NY Times', 'N.Y. Times'], domains: ['nytimes.com'], shortForms: ['the Times'] },
  { name: 'The Washington Post', aliases: ['Washington Post', 'WaPo'], domains: ['washingtonpost.com'], shortForms: ['the Post'] },
  { name: 'The Wall Street Journal', aliases: ['Wall Street Journal', 'WSJ'], domains: ['wsj.com'], shortForms: ['the Journal'] },
  { name: 'Reuters', aliases: ['Reuters'], domains: ['reuters.com'] },
  { name: 'The Associated Press', aliases: ['Associated Press', 'AP'], domains: ['apnews.com'] },
  { name: 'Agence France-Presse', aliases: ['Agence France-Presse', 'AFP'], domains: ['afp.com'] },
  { name: 'Bloomberg', aliases: ['Bloomberg'], domains: ['bloomberg.com'] },
  { name: 'BBC', aliases: ['BBC'], domains: ['bbc.com', 'bbc.co.uk'] },
  { name: 'CNN', aliases: ['CNN'], domains: ['cnn.com'] },
  { name: 'The Guardian', aliases: ['Guardian'], domains: ['theguardian.com'] },
  { name: 'Financial Times', aliases: ['Financial Times', 'FT'], domains: ['ft.com'] },
  { name: 'Politico', aliases: ['Politico'], domains: ['politico.com'] },
  { name: 'Axios', aliases: ['Axios'], domains: ['axios.com'] },
  { name: 'NPR', aliases: ['NPR'], domains: ['npr.org'] },
  { name: 'Al Jazeera', aliases: ['Al Jazeera'], domains: ['aljazeera.com'] },
  { name: 'Xinhua', aliases: ['Xinhua'], domains: ['xinhuanet.com'] },
  { name: 'CCTV', aliases: ['CCTV'], domains: ['cctv.com'] },
  { name: 'ZeroHedge', aliases: ['ZeroHedge', 'Zero Hedge'], domains: ['zerohedge.com'] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phrases that attribute a text to an outlet: "according to the NYT", "-NYT", "the NYT wrote". */
function creditPatterns(o: Outlet): RegExp[] {
  const alias = `(?:the\\s+)?(?:${o.aliases.map(escape).join('|')})`;
  return [
    new RegExp(`\\b(?:according to|as|citing|per|reported by|via|from)\\s+${alias}\\b`, 'i'),
    new RegExp(`\\b${alias}\\s+(?:reported|reports|wrote|writes|said|says|notes|noted|found|revealed)\\b`, 'i'),
    new RegExp(`(?:^|\\s)[-–—]\\s*(?:${o.aliases.map(escape).join('|')})\\s*$`),
  ];
}

const PATTERNS = OUTLETS.map((o) => ({ outlet: o, patterns: creditPatterns(o) }));

/** Every credit pattern needs a whole alias: one test spares the rest for most paragraphs. */
const ANY_ALIAS = new RegExp(`\\b(?:${OUTLETS.flatMap((o) => o.aliases.map(escape)).join('|')})\\b`, 'i');

/** The outlet a text credits as its source, if any. */
export function creditedOutlet(text: string): Outlet | null {
  if (!ANY_ALIAS.test(text)) return null;
  for (const { outlet, patterns } of PATTERNS) if (patterns.some((p) => p.test(text))) return outlet;
  return null;
}

export const outletByName = (name: string) => OUTLETS.find((o) => o.name === name);

/** A name as outlets are compared: letters and digits only, lower case ("Zero Hedge" = "ZeroHedge" = "zerohedge"). */
const squeeze = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Words a publisher's name carries that people leave out when they name it. */
const NAME_SUFFIX = /\s+(?:news|media|online|network|digital|\.com)$/i;

/**
 * The outlet a publisher's name is, however the metadata spells it:
 * "ZeroHedge News", "The New York Times", "nytimes.com". Undefined for a
 * publisher the table does not know.
 */
export function outletOfPublisher(publisher: string): Outlet | undefined {
  const forms = new Set([squeeze(publisher), squeeze(publisher.replace(NAME_SUFFIX, '')), squeeze(publisher.replace(/^the\s+/i, ''))]);
  return OUTLETS.find((o) => [o.name, ...o.aliases].some((a) => a.length > 3 && forms.has(squeeze(a))) || o.domains.some((d) => forms.has(squeeze(d))));
}

/**
 * The names a page may use for a publisher it credits: the name as given,
 * without a leading "The" or a trailing "News" ("ZeroHedge News" →
 * "ZeroHedge"), and a camel-case name split ("Zero Hedge") or joined.
 */
export function publisherNames(publisher: string): string[] {
  const base = publisher.trim().replace(/^the\s+/i, '');
  const short = base.replace(NAME_SUFFIX, '');
  const split = short.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  const joined = short.includes(' ') && short.split(/\s+/).length <= 3 ? short.replace(/\s+/g, '') : short;
  return [...new Set([publisher.trim(), base, short, split, joined])].filter((n) => n.length > 1);
}

/** How far a credit that ends in a colon ("as the NYT reported:") reaches into the quote below it. */
const LEAD_IN_REACH = 5;

/** A paragraph ending "… -NYT" closes a quoted run: the credit covers the paragraph before it too. */
const CLOSING_CREDIT = /(?:^|\s)[-–—]\s*[\p{L}.]+\s*$/u;

/**
 * The outlet each paragraph of a document credits: its own credit, that of
 * a closing "-NYT" just after it, or that of a lead-in ending in a colon
 * ("as the NYT reported:") above a run of quoted paragraphs.
 */
export function creditsOf(paragraphs: string[], furniture: boolean[]): Array<string | null> {
  const own = paragraphs.map((p) => creditedOutlet(p)?.name ?? null);
  const closing = (i: number) => (i < paragraphs.length && CLOSING_CREDIT.test(paragraphs[i]) ? own[i] : null);
  const out = paragraphs.map((_, i) => (furniture[i] ? null : (own[i] ?? closing(i + 1))));
  own.forEach((outlet, i) => {
    if (!outlet || !paragraphs[i].trimEnd().endsWith(':')) return;
    for (let k = i + 1; k <= i + LEAD_IN_REACH && k < paragraphs.length && !furniture[k]; k++) out[k] ??= outlet;
  });
  return out;
}
