import type { EntryRow } from "../types";
import { CARDIOVASCULAR } from "./cardiovascular";
import { DIGESTIVE_RENAL } from "./digestiveRenal";
import { DOCUMENTATION } from "./documentation";
import { ENDOCRINE_BLOOD } from "./endocrineBlood";
import { INFECTION } from "./infection";
import { MATERNAL_CHILD } from "./maternalChild";
import { MUSCULOSKELETAL_SENSORY } from "./musculoskeletalSensory";
import { NEURO_PSYCH } from "./neuroPsych";
import { PHARMACY } from "./pharmacy";
import { RESEARCH } from "./research";
import { RESPIRATORY } from "./respiratory";

/** Every abbreviation row, grouped by the file that holds it. Order inside a file is editorial only. */
export const ABBREVIATION_ROWS: readonly EntryRow[] = [
  ...DOCUMENTATION,
  ...PHARMACY,
  ...CARDIOVASCULAR,
  ...RESPIRATORY,
  ...INFECTION,
  ...DIGESTIVE_RENAL,
  ...NEURO_PSYCH,
  ...ENDOCRINE_BLOOD,
  ...MATERNAL_CHILD,
  ...MUSCULOSKELETAL_SENSORY,
  ...RESEARCH,
];
