/**
 * The few closed word classes of English news that say what kind of thing a name is: titles before a person's
 * name, the nouns that introduce or head a group, a place or an event. Everything else (which words are first
 * names, countries, cities, organisations) comes from the tagger's lexicon (`tagger.ts`).
 */
import type { EntityKind } from '../../knowledge/schema';

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Titles that, standing before a name, make it a person's ("Prime Minister Shehbaz Sharif"); compared folded. */
export const CORE_TITLES = set(`
  president minister chancellor premier king queen prince princess emir sheikh sultan ayatollah pope cardinal bishop
  archbishop rabbi imam general gen lieutenant lt colonel col major maj captain capt sergeant sgt admiral adm commander
  marshal senator sen representative rep congressman congresswoman governor gov mayor judge justice secretary speaker
  ambassador envoy spokesperson spokesman spokeswoman chair chairman chairwoman director dr doctor professor prof mr mrs ms
  miss sir dame lord lady ceo leader chief executive officer commissioner
`);

/** Words that qualify a title ("Deputy", "Foreign", "Prime"); a chunk of only these and titles names no one. */
export const TITLE_MODIFIERS = set(`
  prime deputy vice foreign defence defense interior finance economy trade health home state supreme crown acting
  former first senior assistant associate chief special attorney opposition army military top
`);

/** What may follow "Secretary of" or "Minister of" as part of the title. */
export const TITLE_COMPLEMENTS = set(`
  state defense defence staff foreign affairs interior finance justice health energy commerce education labor labour
  agriculture treasury homeland security the
`);

/** Lower-case words inside names: "University of Concepción", "Quaid-i-Azam", "Jaish al-Adl", "Salar de Atacama". */
export const CONNECTORS = set('of the de da do dos das di du del della der den van von al el ul bin ibn bint la le y e i zu');

/** The words of a bare ministry or office ("Foreign Ministry"): named, it belongs to the country before it. */
export const INSTITUTION_WORDS = set(`
  foreign interior defence defense finance home justice health trade economy ministry office department army navy
  air force police parliament cabinet government embassy central bank supreme court national assembly senate
`);

/** Capitalised last words that make a name a group, a place or an event ("… Institute", "… River", "… War"). */
export const HEADS: Record<Exclude<EntityKind, 'person' | 'country'>, Set<string>> = {
  group: set(`
    institute university college school academy army front party movement council committee commission ministry office
    department agency authority bank fund foundation association union alliance coalition league federation
    organisation organization group corporation corp company inc ltd llc network forum society court parliament
    assembly senate congress cabinet government police guard guards forces force navy brigade brigades battalion
    herald times post news review journal gazette tribune telegraph daily press radio television tv service services
    board centre center trust church club airlines airways railways media labs exchange holdings partners industries
    motors institution observatory reserve bureau secretariat command directorate administration nation headquarters
  `),
  place: set(`
    province region district county valley river lake sea ocean gulf bay strait island islands mountains mountain hills
    desert peninsula coast strip street square avenue road bridge airport port harbour harbor city town village canal
    dam park plain plateau basin delta pass territory territories oblast governorate prefecture route highway passage
  `),
  event: set(`
    war conflict crisis summit conference games olympics cup championship election elections revolution uprising
    agreement accord accords treaty deal pact protocol talks festival expo spring massacre attack attacks offensive
    pipeline project initiative corridor prize award
  `),
};

/** Lower-case nouns that, introducing a name ("the state mining company Codelco", "cities such as Kisumu"), give its kind. */
export const KIND_NOUNS: Record<EntityKind, Set<string>> = {
  person: set(`
    expert experts analyst analysts lawyer lawyers spokesperson spokesman spokeswoman professor researcher fellow
    economist official officials minister president leader leaders chief director founder executive commissioner
    journalist reporter correspondent scholar author activist activists adviser advisor diplomat ambassador envoy
    senator lawmaker politician candidate judge attorney doctor scientist historian hydrologist engineer farmer
    resident student teacher coach player singer actor writer banker investor entrepreneur chairman chairwoman head
    secretary governor mayor general commander colonel officer soldier pilot priest cleric imam
  `),
  group: set(`
    group groups organisation organisations organization organizations party parties company companies firm firms
    start-up start-ups startup startups broadcaster broadcasters newspaper newspapers agency agencies militia militias
    movement movements network bank banks institute university council union alliance coalition club team outlet
    channel ministry authority association foundation charity lender insurer carrier airline manufacturer producer
    producers retailer platform faction insurgents rebels outfit tank publication magazine paper website tabloid
  `),
  country: set('country countries nation nations kingdom republic'),
  place: set(`
    city cities town towns village villages province provinces region regions district districts county port ports
    capital island islands area neighbourhood neighborhood suburb valley river municipality prefecture oblast
    governorate territory enclave desert mountains sea lake peninsula coast airport camp state strait basin
  `),
  event: set('war conflict crisis summit talks election elections protest protests attack agreement deal accord treaty conference'),
};

/** Prepositions after which a name is most often a place ("in Chabahar", "near the Salar de Atacama"). */
export const PLACE_PREPOSITIONS = set('in near across into throughout over along outside inside around');

/** Nouns whose "of" names a place or a country: "the port city of Galați", "the Republic of Korea"; not "the capital of". */
export const OF_NOUNS: Partial<Record<EntityKind, Set<string>>> = {
  place: set('city town village province region district county port island state municipality prefecture'),
  country: set('republic kingdom'),
};

/** Countries most often written by their initials, which the lexicon takes for places. */
export const COUNTRY_ACRONYMS = set('US USA UK UAE DRC PRC DPRK ROK KSA');
