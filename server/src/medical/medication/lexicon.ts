/**
 * Word lists and precompiled patterns the medication rules use to read context: dose units, drug names, routes,
 * frequencies and the cue words that tell a dose from a lab value, a measured volume or an oxygen flow.
 */

function caseVariants(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const word of words) {
    out.add(word);
    out.add(word.toUpperCase());
    out.add(word[0]!.toUpperCase() + word.slice(1));
  }
  return [...out];
}

/** Unit spellings as written, mapped to the unit family the rules reason about. */
const UNIT_FORMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (family: string, forms: readonly string[]): void => {
    for (const form of forms) map.set(form, family);
  };
  add("mg", ["mg", "MG", "mgs", "milligram", "milligrams"]);
  add("mcg", ["mcg", "MCG", "mcgs", "microgram", "micrograms"]);
  add("µg", ["µg", "μg", "ug", "UG"]);
  add("g", ["g", "gm", "GM", "gram", "grams", "Gram", "Grams"]);
  add("ng", ["ng", "pg"]);
  add("mL", ["mL", "ml", "ML", "mls", "mLs", "milliliter", "milliliters", "millilitre", "millilitres"]);
  add("cc", ["cc", "CC", "cc's", "ccs"]);
  add("L", ["L", "liter", "liters", "litre", "litres", "Liter", "Liters"]);
  add("units", caseVariants(["units", "unit", "milliunits"]));
  add("U", ["U", "u"]);
  add("IU", ["IU"]);
  add("mEq", ["mEq", "meq", "MEQ", "mEQ", "mmol", "mMol", "MMOL"]);
  add(
    "count",
    caseVariants([
      "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules", "puff", "puffs", "drop", "drops", "gtt",
      "gtts", "spray", "sprays", "patch", "patches", "supp", "supps", "suppository", "suppositories", "vial", "vials",
      "amp", "amps", "ampule", "ampules", "inhalation", "inhalations", "lozenge", "lozenges", "packet", "packets",
    ]),
  );
  return map;
})();

/** Family of a unit as written ("mg", "µg", "U", "count", …), or undefined. */
export function unitFamily(unit: string): string | undefined {
  return UNIT_FORMS.get(unit);
}

/** Unit families that the spacing rule leaves to their own rules (U, IU, cc and µg are replaced anyway). */
export const SPACING_HANDLED_ELSEWHERE: ReadonlySet<string> = new Set(["U", "IU", "cc", "µg"]);

/**
 * Drug names (generic and common brands, lower case) that signal medication context. Not a formulary: enough to tell
 * "heparin SQ" from "SQ emphysema".
 */
export const DRUG_NAMES: ReadonlySet<string> = new Set(
  (
    "acetaminophen paracetamol ibuprofen naproxen ketorolac aspirin celecoxib morphine hydromorphone oxycodone " +
    "hydrocodone fentanyl methadone tramadol codeine buprenorphine naloxone lorazepam diazepam midazolam alprazolam " +
    "clonazepam zolpidem trazodone quetiapine olanzapine risperidone haloperidol aripiprazole sertraline fluoxetine " +
    "citalopram escitalopram paroxetine venlafaxine duloxetine bupropion mirtazapine amitriptyline nortriptyline " +
    "gabapentin pregabalin levetiracetam phenytoin fosphenytoin valproate lamotrigine carbamazepine topiramate " +
    "lacosamide phenobarbital metoprolol carvedilol atenolol propranolol labetalol esmolol lisinopril enalapril " +
    "ramipril captopril losartan valsartan amlodipine nifedipine nicardipine diltiazem verapamil hydralazine " +
    "clonidine furosemide bumetanide torsemide hydrochlorothiazide chlorthalidone spironolactone acetazolamide " +
    "digoxin amiodarone procainamide lidocaine warfarin heparin enoxaparin dalteparin fondaparinux apixaban " +
    "rivaroxaban dabigatran argatroban bivalirudin clopidogrel ticagrelor prasugrel atorvastatin rosuvastatin " +
    "simvastatin pravastatin insulin glargine lispro aspart detemir degludec glulisine nph metformin glipizide " +
    "glyburide glimepiride sitagliptin empagliflozin dapagliflozin liraglutide semaglutide dulaglutide " +
    "levothyroxine liothyronine methimazole propylthiouracil prednisone prednisolone methylprednisolone " +
    "dexamethasone hydrocortisone fludrocortisone triamcinolone budesonide fluticasone albuterol levalbuterol " +
    "ipratropium tiotropium montelukast omeprazole pantoprazole esomeprazole lansoprazole famotidine ondansetron " +
    "metoclopramide prochlorperazine promethazine chlorpromazine docusate senna sennosides lactulose bisacodyl " +
    "loperamide vancomycin cefazolin ceftriaxone cefepime ceftazidime cefuroxime cephalexin piperacillin " +
    "tazobactam meropenem ertapenem imipenem ampicillin amoxicillin clavulanate penicillin nafcillin oxacillin " +
    "azithromycin clarithromycin erythromycin doxycycline minocycline levofloxacin ciprofloxacin moxifloxacin " +
    "ofloxacin metronidazole clindamycin linezolid daptomycin gentamicin tobramycin amikacin trimethoprim " +
    "sulfamethoxazole nitrofurantoin fluconazole voriconazole micafungin acyclovir valacyclovir oseltamivir " +
    "zidovudine tenofovir methotrexate cyclophosphamide cytarabine vincristine cisplatin carboplatin paclitaxel " +
    "doxorubicin rituximab tacrolimus cyclosporine mycophenolate azathioprine hydroxychloroquine allopurinol " +
    "colchicine kcl potassium magnesium calcium phosphate bicarbonate zinc ferrous iron thiamine folate " +
    "cyanocobalamin epinephrine norepinephrine phenylephrine vasopressin dopamine dobutamine milrinone " +
    "nitroglycerin nitroprusside propofol ketamine etomidate dexmedetomidine rocuronium succinylcholine " +
    "vecuronium cisatracurium neostigmine glycopyrrolate sugammadex atropine adenosine alteplase tenecteplase " +
    "tranexamic protamine phytonadione octreotide oxytocin terbutaline baclofen tizanidine cyclobenzaprine " +
    "methocarbamol sumatriptan timolol latanoprost brimonidine dorzolamide travoprost bimatoprost tropicamide " +
    "cyclopentolate neomycin polymyxin bacitracin mupirocin nystatin bupivacaine ropivacaine tetracaine lithium " +
    "donepezil memantine levodopa carbidopa ropinirole pramipexole tamsulosin finasteride oxybutynin sildenafil " +
    "estradiol medroxyprogesterone testosterone filgrastim epoetin diphenhydramine hydroxyzine cetirizine " +
    "loratadine melatonin nicotine naltrexone thiamine ergocalciferol cholecalciferol " +
    "lasix coumadin eliquis xarelto lovenox tylenol motrin zofran ativan haldol dilaudid norco percocet keppra " +
    "protonix zosyn lantus humalog novolog humulin synthroid toprol lopressor norvasc zoloft prozac seroquel " +
    "ambien xanax klonopin valium narcan inderal tegretol depakote dilantin lipitor crestor plavix zithromax " +
    "cipro levaquin flagyl bactrim keflex augmentin decadron medrol benadryl phenergan reglan colace senokot " +
    "miralax neurontin lyrica flexeril robaxin toradol pepcid kenalog zyprexa risperdal abilify levophed " +
    "compazine precedex versed ancef rocephin unasyn vanco"
  ).split(/\s+/),
);

/** Route abbreviations and words that mark a dosing context. */
export const ROUTE_WORDS: ReadonlySet<string> = new Set(
  "po p.o. iv ivp ivpb im sl pr ng peg gt subcut subcutaneous subcutaneously intravenous intravenously intramuscular oral orally topical topically inhaled neb nebulized transdermal".split(" "),
);

/** Frequency words and abbreviations that mark a dosing context. */
export const FREQUENCY_RE = /^(?:daily|bid|b\.i\.d\.|tid|t\.i\.d\.|qid|q\.i\.d\.|q\d{1,2}(?:-\d{1,2})?h(?:r|rs|ours?)?|q\d{1,2}|prn|nightly|qam|qpm|once|twice|weekly|x\d+|stat|now|every|ac|pc|achs)$/i;

/** Words between a dose and a following abbreviation that keep them in one instruction. */
export const DOSE_LINK_WORDS: ReadonlySet<string> = new Set(
  "po p.o. iv ivp ivpb im sl pr ng x1 x2 once now stat prn each both to into the in of per via at tab tabs tablet tablets cap caps drop drops gtt gtts spray sprays puff puffs".split(" "),
);

/** Cue words that turn a volume into a measured amount (outputs, losses, aspirates). */
export const MEASURE_BEFORE_RE =
  /\b(?:EBL|blood loss|UOP|urine|output|drain(?:ed|age|s)?|aspirat\w*|residuals?|PVR|volume|removed|intake|I\/O|I&O|net|stool|emesis|vomit\w*|JP|chest tube|paracentesis|thoracentesis|tapped|yield\w*|effusion|ascites|collected|voided|void|bladder scan|tidal|Vt|balance|hematoma|estimated|returned|pumped|expressed)\b/i;
export const MEASURE_AFTER_RE =
  /^[ \t]*(?:of[ \t]+(?:urine|blood|ascites|pus|serous|serosanguineous|bloody|clear|straw|purulent|bilious|frank|dark|cloudy|turbid|milky|yellow|fluid[ \t]+(?:was[ \t]+)?(?:removed|drained|aspirated))|drained|removed|aspirated|out\b|output|UOP|EBL|urine|residual)/i;
/** Oxygen delivery around an "L" amount: a flow, not a dose. */
export const OXYGEN_RE = /\b(?:NC|nasal|cannula|O2|oxygen|FiO2|HFNC|NRB|rebreather|mask|venti|Venturi|LPM|lpm|BiPAP|CPAP)\b/;
/** Fluids around an "L" amount: a dose of fluid. */
export const FLUID_RE = /\b(?:NS|LR|saline|lactated|Ringers?|D5W|D5NS|D5LR|D5|D10|dextrose|bolus(?:es)?|IVF|fluids?|albumin|crystalloids?|colloids?|infus\w*|bags?)\b/i;
/** Words that make a per-mL amount a drug level rather than a dose. */
export const LEVEL_RE =
  /\b(?:levels?|trough|peak|concentrations?|conc|serum|plasma|titers?|titres?|MIC|random|CA[- ]?125|CA[- ]?19-9|CEA|AFP|PSA|TSH|anti-?Xa|Ig[AEGM]|ferritin|B12|procalcitonin|troponin|BNP)\b/i;

/** Overdose context: "OD" here is not an eye or a frequency. */
export const OVERDOSE_RE =
  /\b(?:overdoses?|intentional|accidental|s\/p|opioids?|opiates?|heroin|fentanyl|ingest\w*|suicid\w*|tox\w*|naloxone|Narcan|poison\w*|polysubstance|took|attempt)\b/i;
/** Drops: an eye or an ear dose, depending on the other words around. */
export const DROPS_RE = /\b(?:drops?|gtts?|instill\w*)\b/i;
/** Eye-specific dosing context. */
export const EYE_RE =
  /\b(?:ophthalmic|ophth|eyes?|ointment|ung|timolol|latanoprost|brimonidine|dorzolamide|travoprost|bimatoprost|tropicamide|cyclopentolate|Cosopt|Combigan|Xalatan|Lumigan|Vigamox|Tobradex|artificial tears|difluprednate|prednisolone acetate)\b/i;
/** Ear-drop dosing context. */
export const EAR_RE = /\b(?:otic|ears?|Ciprodex|Cortisporin|Debrox|carbamide|aural|cerumen|tympanic)\b/i;
/** Words of an eye exam rather than an eye dose. */
export const EYE_EXAM_WORDS: ReadonlySet<string> = new Set(["va", "iop", "vision", "acuity", "pressure", "vcc", "vsc", "cd", "c/d", "ta", "tp", "refraction"]);

/** Insulin context for SSI, SSRI and "ss". */
export const INSULIN_RE =
  /\b(?:insulin|lispro|aspart|glulisine|regular|Humalog|Novolog|Humulin|Apidra|Admelog|glucose|BGs?|FSBG|FSBS|CBGs?|POC|fingersticks?|accuchecks?|Accu-?Chek|ACHS|coverage|hyperglycemia|sugars?|units?|scale|glargine|Lantus|NPH|correction(?:al)?)\b/i;
/** Surgical-site-infection context that rules out "sliding scale insulin". */
export const INFECTION_RE =
  /\b(?:infections?|wound|surgical|site|rates?|incidence|superficial|deep|organ|prophyla\w*|erythema|drainage|cellulitis|antibiotics?|dehiscence|NHSN|CDC|post-?op\w*|SSIs|risk|bundle|abscess|purulent)\b/i;
/** Antidepressant context that rules out "SSRI" as insulin. */
export const ANTIDEPRESSANT_RE =
  /\b(?:depress\w*|anxiety|antidepress\w*|sertraline|fluoxetine|citalopram|escitalopram|paroxetine|fluvoxamine|serotonin|SNRIs?|mood|PTSD|OCD|panic)\b/i;
/** Chemistry-lab context for MgSO4 or ZnSO4 as reagents rather than medicines. */
export const CHEMISTRY_RE =
  /\b(?:anhydrous|buffers?|medium|media|dried over|reagents?|heptahydrate|hydrate|Sigma|stock|solution containing|PBS|Tris|HEPES|agar|cultures?|organic layer)\b|·|\d+H2O|\d[ \t]?(?:mM|µM|μM|nM|M)\b/i;
/** Half-strength context for HS. */
export const HALF_STRENGTH_RE =
  /\b(?:feeds?|feeding|formula|Ensure|Boost|Jevity|Osmolite|Nepro|Glucerna|Pediasure|TF|tube feeds?|peroxide|H2O2|Dakin'?s?|dilute\w*|strength|saline|NS)\b/i;
