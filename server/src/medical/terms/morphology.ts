/**
 * Recognises medical words by their parts when they are not in the vocabulary: Greco-Latin suffixes ("-itis",
 * "-ectomy", "-emia"), drug-name stems ("-olol", "-mab") and combining prefixes ("hepato-", "hyper-"). Every rule is
 * there because ordinary English rarely uses it; where it does ("dichotomy", "nostalgia", "photography",
 * "diagnosis"), a guard or a required medical root keeps the ordinary word out.
 */
import type { TermKind } from "./types";

/** Imaging roots up to this length are too likely to end an ordinary stem by chance ("ph-oto-graphy"). */
const SHORT_ROOT = 4;

interface SuffixRule {
  suffix: string;
  kind: TermKind;
  /** Shortest whole word the rule accepts. */
  minLength: number;
  /** When set, the part before the suffix must end with one of these medical roots. */
  roots?: readonly string[];
  /** Roots of four letters or fewer must then be the whole stem ("oto|scopy", not "ph|oto|graphy"). */
  wholeShortRoots?: boolean;
}

/** Roots that make "-graphy", "-gram", "-metry" and "-scopy" words medical rather than "photography" or "program". */
const IMAGING_ROOTS = [
  "angio", "arterio", "veno", "phlebo", "lympho", "echo", "cardio", "encephalo", "myo", "myelo", "mammo", "sono",
  "tomo", "radio", "fluoro", "cholangio", "pyelo", "uro", "cysto", "urethro", "salpingo", "ventriculo", "pneumo",
  "broncho", "sialo", "dacryo", "somno", "arthro", "spiro", "oxi", "audio", "tono", "densito", "plethysmo", "pachy",
  "colono", "entero", "procto", "gastro", "esophago", "laryngo", "thoraco", "laparo", "hystero", "uretero", "nephro",
  "dermo", "dermato", "oto", "rhino", "ophthalmo", "capno", "elasto", "scinti", "endo", "colpo", "sigmoido",
  "duodeno", "mediastino", "fundo", "ano", "capillaro", "feto", "ultrasono", "electrocardio", "cranio", "spleno",
  "hepato", "cyto", "electromyo", "pharyngo", "aorto", "kerato", "peri", "nystagmo", "retino", "thermo",
] as const;

/** Roots before "-oma" that make it a tumour or swelling rather than "diploma" or "aroma". */
const TUMOUR_ROOTS = [
  "carcin", "sarc", "aden", "lip", "fibr", "my", "gli", "angi", "hemat", "haemat", "lymph", "melan", "neur", "papill",
  "terat", "thym", "meningi", "oste", "chondr", "myel", "granul", "hamart", "semin", "insulin", "gastrin",
  "mesotheli", "cyt", "blast", "ependym", "hepat", "nephr", "schwann", "xanth", "ather", "ser", "condyl", "chord",
  "prolactin", "pharyngi", "pineal", "acanth", "plasmacyt", "astrocyt", "retin", "glucagon", "somatostatin", "vip",
] as const;

/** Roots before "-philia" that name a blood cell or clotting trait, not "bibliophilia". */
const PHILIA_ROOTS = ["eosino", "baso", "neutro", "hemo", "haemo", "thrombo"] as const;

/** Roots before "-lysis": the breakdown of a tissue or clot, not "analysis" or "catalysis". */
const LYSIS_ROOTS = [
  "hemo", "haemo", "rhabdomyo", "thrombo", "fibrino", "osteo", "adhesio", "cyto", "bacterio", "neuro", "lipo",
  "myo", "glyco", "proteo", "epiphyseo", "spondylo", "tumour", "tumor", "onycho",
] as const;

/** Drug stems that need a longer word than usual ("clopidogrel" and "prasugrel", but not "mongrel"). */
const DRUG_STEM_MIN_LENGTH: Readonly<Record<string, number>> = { grel: 9 };

const SUFFIX_RULES: readonly SuffixRule[] = [
  // Operations and interventions.
  { suffix: "ectomy", kind: "procedure", minLength: 8 },
  { suffix: "ostomy", kind: "procedure", minLength: 8 },
  { suffix: "otomy", kind: "procedure", minLength: 8 },
  { suffix: "plasty", kind: "procedure", minLength: 9 },
  { suffix: "pexy", kind: "procedure", minLength: 8 },
  { suffix: "rrhaphy", kind: "procedure", minLength: 9 },
  { suffix: "centesis", kind: "procedure", minLength: 10 },
  { suffix: "desis", kind: "procedure", minLength: 9 },
  { suffix: "tripsy", kind: "procedure", minLength: 10 },
  { suffix: "scopy", kind: "procedure", minLength: 8, roots: IMAGING_ROOTS, wholeShortRoots: true },
  // Tests and imaging.
  { suffix: "graphy", kind: "test", minLength: 9, roots: IMAGING_ROOTS, wholeShortRoots: true },
  { suffix: "gram", kind: "test", minLength: 8, roots: IMAGING_ROOTS, wholeShortRoots: true },
  { suffix: "metry", kind: "test", minLength: 8, roots: IMAGING_ROOTS, wholeShortRoots: true },
  { suffix: "globin", kind: "test", minLength: 9 },
  // Diseases, signs and findings.
  { suffix: "itis", kind: "condition", minLength: 6 },
  { suffix: "iasis", kind: "condition", minLength: 8 },
  { suffix: "osis", kind: "condition", minLength: 7 },
  { suffix: "emia", kind: "condition", minLength: 6 },
  { suffix: "aemia", kind: "condition", minLength: 7 },
  { suffix: "uria", kind: "condition", minLength: 6 },
  { suffix: "algia", kind: "condition", minLength: 7 },
  { suffix: "odynia", kind: "condition", minLength: 9 },
  { suffix: "plegia", kind: "condition", minLength: 7 },
  { suffix: "paresis", kind: "condition", minLength: 9 },
  { suffix: "penia", kind: "condition", minLength: 8 },
  { suffix: "phagia", kind: "condition", minLength: 8 },
  { suffix: "glossia", kind: "condition", minLength: 9 },
  { suffix: "cephaly", kind: "condition", minLength: 10 },
  { suffix: "gnosia", kind: "condition", minLength: 8 },
  { suffix: "praxia", kind: "condition", minLength: 7 },
  { suffix: "graphia", kind: "condition", minLength: 8 },
  { suffix: "lexia", kind: "condition", minLength: 6 },
  { suffix: "calculia", kind: "condition", minLength: 10 },
  { suffix: "lalia", kind: "condition", minLength: 8 },
  { suffix: "kinesia", kind: "condition", minLength: 9 },
  { suffix: "myelia", kind: "condition", minLength: 10 },
  { suffix: "peritoneum", kind: "condition", minLength: 13 },
  { suffix: "collis", kind: "condition", minLength: 10 },
  { suffix: "ballismus", kind: "condition", minLength: 9 },
  { suffix: "ismus", kind: "condition", minLength: 9 },
  { suffix: "spadias", kind: "condition", minLength: 10 },
  { suffix: "somia", kind: "condition", minLength: 9 },
  { suffix: "philia", kind: "condition", minLength: 9, roots: PHILIA_ROOTS },
  { suffix: "opia", kind: "condition", minLength: 7 },
  { suffix: "mastia", kind: "condition", minLength: 9 },
  { suffix: "plakia", kind: "condition", minLength: 9 },
  { suffix: "thorax", kind: "condition", minLength: 10 },
  { suffix: "geusia", kind: "condition", minLength: 8 },
  { suffix: "osmia", kind: "condition", minLength: 7 },
  { suffix: "phonia", kind: "condition", minLength: 7 },
  { suffix: "coria", kind: "condition", minLength: 8 },
  { suffix: "ophthalmos", kind: "condition", minLength: 11 },
  { suffix: "cusis", kind: "condition", minLength: 9 },
  { suffix: "pneumonia", kind: "condition", minLength: 12 },
  { suffix: "arrhythmia", kind: "condition", minLength: 13 },
  { suffix: "cytosis", kind: "condition", minLength: 9 },
  { suffix: "megaly", kind: "condition", minLength: 9 },
  { suffix: "trophy", kind: "condition", minLength: 7 },
  { suffix: "plasia", kind: "condition", minLength: 7 },
  { suffix: "rrhea", kind: "condition", minLength: 7 },
  { suffix: "rrhoea", kind: "condition", minLength: 8 },
  { suffix: "rrhage", kind: "condition", minLength: 9 },
  { suffix: "rrhagia", kind: "condition", minLength: 9 },
  { suffix: "malacia", kind: "condition", minLength: 9 },
  { suffix: "pathy", kind: "condition", minLength: 8 },
  { suffix: "cele", kind: "condition", minLength: 9 },
  { suffix: "spasm", kind: "condition", minLength: 9 },
  { suffix: "ectasis", kind: "condition", minLength: 10 },
  { suffix: "ectasia", kind: "condition", minLength: 10 },
  { suffix: "oma", kind: "condition", minLength: 6, roots: TUMOUR_ROOTS },
  { suffix: "lysis", kind: "condition", minLength: 9, roots: LYSIS_ROOTS },
  // Drug-name stems.
  ...[
    "mab", "nib", "pril", "sartan", "olol", "alol", "statin", "dipine", "prazole", "tidine", "floxacin", "cycline",
    "mycin", "micin", "kacin", "cillin", "penem", "conazole", "nidazole", "bendazole", "vir", "gliptin", "gliflozin",
    "glutide", "glinide", "parin", "xaban", "gatran", "triptan", "setron", "lukast", "afil", "terol", "tropium",
    "semide", "thiazide", "glitazone", "pramine", "triptyline", "oxetine", "faxine", "peridol", "azepam", "azolam",
    "barbital", "profen", "coxib", "fenac", "fungin", "platin", "rubicin", "taxel", "parib", "ciclib", "lisib",
    "degib", "zomib", "grastim", "poetin", "ercept", "teplase", "dronate", "caine", "vudine", "citabine", "trexate",
    "asone", "isone", "olone", "onide", "apine", "idone", "dopa", "relin", "rolimus", "zosin", "nidine", "pitant",
    "phylline", "stigmine", "curonium", "flurane", "azepine", "racetam", "gabalin", "trigine", "mectin", "quine",
    "fibrate", "grel", "grelor", "lutamide", "tecan", "morphone", "codone", "adol", "loxone", "trexone", "siran",
    "ciguat", "camten", "renone",
  ].map((suffix): SuffixRule => ({ suffix, kind: "drug", minLength: DRUG_STEM_MIN_LENGTH[suffix] ?? Math.max(6, suffix.length + 3) })),
];

/** Ordinary words caught by the rules above. Hovering them would not help a reader. */
const GUARDED_WORDS = new Set([
  "dichotomy", "trichotomy", "academia", "bohemia", "nostalgia", "sympathy", "antipathy", "telepathy", "homeopathy",
  "naturopathy", "penuria", "manchuria", "liguria", "etruria", "equine", "osmosis", "hypnosis", "apotheosis",
  "intercept", "precipitant", "wapitis", "utopia", "dystopia", "cornucopia", "ethiopia",
]);

/** Endings of ordinary words that a rule would otherwise accept ("diagnosis", "prognosis", "analysis"). */
const GUARDED_ENDINGS = ["gnosis", "gnoses", "analysis", "analyses", "morphosis", "symbiosis"];

/** After "hyper-" or "hypo-", the start of a medical root. */
const HYPER_HYPO_ROOTS = [
  "tens", "thyr", "parathyr", "glyc", "kal", "natr", "calc", "magnes", "phosphat", "lipid", "cholesterol",
  "triglycerid", "uric", "album", "bilirubin", "volem", "ox", "capn", "carb", "therm", "troph", "plas", "ton",
  "reflex", "esthes", "algesia", "kines", "kinet", "ventilat", "perfus", "sensitiv", "coagul", "emesis", "hidrosis",
  "gonad", "pituitar", "aldosteron", "cortisol", "insulin", "pigment", "echoic", "dens", "attenuat", "intens",
  "metabol", "osmol", "mobil", "chrom", "fibrinogen", "protein", "gammaglobulin", "pnea", "spadias", "mania",
  "glossal", "physis", "thalam", "dermic", "pharyn", "gastric", "cellular", "vascular", "reactiv", "pyrexia",
  "acusis", "lordosis", "kyphosis", "plastic", "secretion", "ammon", "phosphor", "eosinophil", "immune", "opia",
] as const;

/** Combining forms of organs and tissues, each with the linking vowel it usually takes. */
const COMBINING_PREFIXES = [
  "cardio", "hepato", "nephro", "neuro", "gastro", "entero", "osteo", "arthro", "myelo", "hemato", "haemato",
  "angio", "broncho", "pneumo", "pulmono", "encephalo", "cerebro", "dermato", "uro", "cysto", "colo", "procto",
  "laryngo", "pharyngo", "rhino", "oto", "ophthalmo", "myo", "thrombo", "leuko", "erythro", "lympho", "spleno",
  "pancreato", "chole", "esophago", "duodeno", "ileo", "jejuno", "recto", "hystero", "utero", "vesico", "uretero",
  "pyelo", "glomerulo", "retino", "kerato", "spondylo", "radiculo", "pleuro", "tracheo", "arterio", "veno", "vaso",
  "cranio", "musculo", "genito", "immuno", "onco", "carcino", "terato", "patho", "hepatico", "cortico",
  "thyro", "adreno", "naso", "oro", "sino", "chondro", "fibro", "vesiculo", "gingivo", "glosso",
] as const;

/** What may follow a combining prefix: "cardio|toxic", "cerebro|vascular", "neuro|degenerative". */
const COMBINING_TAILS = new Set([
  "toxic", "toxicity", "toxin", "protective", "protection", "vascular", "genic", "genesis", "muscular",
  "degenerative", "degeneration", "cognitive", "sensory", "pulmonary", "renal", "hepatic", "intestinal",
  "esophageal", "duodenal", "biliary", "cutaneous", "spinal", "thoracic", "abdominal", "pelvic", "cranial",
  "facial", "pharyngeal", "laryngeal", "tracheal", "bronchial", "venous", "arterial", "metabolic", "endocrine",
  "urinary", "genital", "rectal", "skeletal", "vagal", "respiratory", "cerebral", "steroid", "steroids", "gastric",
  "therapy", "pathic", "tropic", "plegic", "fibrosis", "stimulation", "suppression",
  "suppressive", "modulator", "modulatory", "compromised", "deficiency", "globulin", "globulins",
]);

/** Adjective endings that mark a prefix-built word as a descriptor rather than a disease name. */
const ADJECTIVE_ENDING = /(?:ic|ive|al|ous|ary|ar|oid|ed|ing|ense)$/u;

function isGuarded(word: string): boolean {
  return GUARDED_WORDS.has(word) || GUARDED_ENDINGS.some((ending) => word.endsWith(ending));
}

/** Whether `stem` ends with one of `roots`; with `wholeShortRoots`, a short root must make up the whole stem. */
function hasRoot(stem: string, roots: readonly string[], wholeShortRoots: boolean): boolean {
  return roots.some((root) => (wholeShortRoots && root.length <= SHORT_ROOT ? stem === root : stem.endsWith(root)));
}

function matchSuffix(word: string): TermKind | undefined {
  for (const rule of SUFFIX_RULES) {
    if (word.length < rule.minLength || !word.endsWith(rule.suffix)) continue;
    if (rule.roots && !hasRoot(word.slice(0, -rule.suffix.length), rule.roots, rule.wholeShortRoots === true)) continue;
    return rule.kind;
  }
  return undefined;
}

function matchHyperHypo(word: string): TermKind | undefined {
  const prefix = word.startsWith("hyper") ? "hyper" : word.startsWith("hypo") ? "hypo" : undefined;
  if (prefix === undefined) return undefined;
  const rest = word.slice(prefix.length);
  if (rest.length < 3 || !HYPER_HYPO_ROOTS.some((root) => rest.startsWith(root))) return undefined;
  return ADJECTIVE_ENDING.test(word) ? "other" : "condition";
}

function matchCombining(word: string): TermKind | undefined {
  for (const prefix of COMBINING_PREFIXES) {
    if (!word.startsWith(prefix) || word.length <= prefix.length + 3) continue;
    const rest = word.slice(prefix.length);
    if (COMBINING_TAILS.has(rest) || (rest.startsWith("-") && COMBINING_TAILS.has(rest.slice(1)))) return "other";
  }
  return undefined;
}

/**
 * The kind of a single lower-case, normalised word judged by its parts alone, or undefined. Words of fewer than six
 * letters are never judged: too many short English words end like Greek ones.
 */
export function classifyByMorphology(word: string): TermKind | undefined {
  if (word.length < 6 || !/^[a-z][a-z-]*$/u.test(word) || isGuarded(word)) return undefined;
  const kind = matchSuffix(word) ?? matchHyperHypo(word) ?? matchCombining(word);
  if (kind !== undefined) return kind;
  // "pseudohypoparathyroidism", "pseudo-obstruction": a false form of a recognised condition.
  if (word.startsWith("pseudo")) return classifyByMorphology(word.slice(word[6] === "-" ? 7 : 6));
  return undefined;
}
