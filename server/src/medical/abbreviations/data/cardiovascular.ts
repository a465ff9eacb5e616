import type { EntryRow } from "../types";

/** Heart and blood vessels: diagnoses, rhythms, valves, devices, procedures and tests. */
export const CARDIOVASCULAR: readonly EntryRow[] = [
  {
    forms: "MI",
    senses: [
      ["myocardial infarction", "A heart attack: heart muscle damaged by a blocked artery.", "cardiology", "troponin STEMI chest pain cath ECG"],
      ["mitral insufficiency", "Leaking of the mitral valve.", "cardiology", "murmur echo valve regurgitation"],
    ],
  },
  { forms: "AMI", senses: [["acute myocardial infarction", "A heart attack happening now.", "cardiology", "troponin STEMI chest pain"]] },
  { forms: "STEMI", senses: [["ST-elevation myocardial infarction", "A heart attack with ST elevation on the ECG, needing urgent reopening of the artery.", "cardiology", "cath PCI ECG troponin"]] },
  { forms: "NSTEMI", senses: [["non-ST-elevation myocardial infarction", "A heart attack without ST elevation on the ECG.", "cardiology", "troponin heparin cath"]] },
  { forms: "ACS", senses: [["acute coronary syndrome", "Unstable angina or a heart attack.", "cardiology", "troponin chest pain heparin aspirin"]] },
  {
    forms: "UA",
    senses: [
      ["urinalysis", "A test of the urine's chemistry and cells.", "laboratory", "urine leukocyte nitrite UTI culture"],
      ["unstable angina", "New or worsening chest pain from the heart without heart damage.", "cardiology", "chest pain troponin ACS"],
      ["uric acid", "A waste product that causes gout when high.", "laboratory", "gout allopurinol"],
    ],
  },
  { forms: "CAD", senses: [["coronary artery disease", "Narrowing of the arteries that feed the heart.", "cardiology", "stent CABG angina cath"]] },
  { forms: "CHF", senses: [["congestive heart failure", "The heart cannot pump enough, and fluid builds up.", "cardiology", "EF diuresis edema BNP furosemide"]] },
  {
    forms: "HF",
    senses: [
      ["heart failure", "The heart cannot pump or fill well enough for the body's needs.", "cardiology", "EF BNP diuretic edema"],
      ["high frequency", "High-frequency, as in hearing loss or ventilation.", "otolaryngology", "hearing"],
    ],
  },
  { forms: "HFrEF", senses: [["heart failure with reduced ejection fraction", "Heart failure with a weakly squeezing left ventricle (EF 40% or less).", "cardiology", "EF carvedilol sacubitril"]] },
  { forms: "HFpEF", senses: [["heart failure with preserved ejection fraction", "Heart failure with a stiff but normally squeezing left ventricle.", "cardiology", "EF diastolic"]] },
  { forms: "HFmrEF", senses: [["heart failure with mildly reduced ejection fraction", "Heart failure with an EF of about 41 to 49%.", "cardiology", "EF"]] },
  { forms: "EF", senses: [["ejection fraction", "The share of blood the ventricle pumps out with each beat.", "cardiology", "echo LV percent"]] },
  { forms: "LVEF", senses: [["left ventricular ejection fraction", "The share of blood the left ventricle pumps out with each beat.", "cardiology", "echo percent"]] },
  { forms: "LV", senses: [["left ventricle", "The heart's main pumping chamber.", "cardiology", "echo function hypertrophy"]] },
  { forms: "RV", senses: [["right ventricle", "The heart chamber that pumps blood to the lungs.", "cardiology", "echo strain dilated"]] },
  {
    forms: "LA",
    senses: [
      ["left atrium", "The heart chamber that receives blood from the lungs.", "cardiology", "echo dilated enlarged"],
      ["local anesthesia", "Numbing of a small area for a procedure.", "anesthesia", "lidocaine procedure"],
    ],
  },
  {
    forms: "RA",
    senses: [
      ["room air", "Breathing ordinary air without extra oxygen.", "pulmonology", "SpO2 oxygen saturating %"],
      ["rheumatoid arthritis", "An immune disease that inflames the joints.", "rheumatology", "methotrexate joints synovitis RF CCP"],
      ["right atrium", "The heart chamber that receives blood from the body.", "cardiology", "echo dilated pressure"],
    ],
  },
  { forms: "LVH", senses: [["left ventricular hypertrophy", "Thickening of the main pumping chamber's wall.", "cardiology", "hypertension echo ECG"]] },
  { forms: "RVH", senses: [["right ventricular hypertrophy", "Thickening of the right ventricle's wall.", "cardiology", "pulmonary hypertension ECG"]] },
  { forms: "AF AFib Afib afib A-fib a-fib", senses: [["atrial fibrillation", "An irregular, often fast heart rhythm from chaotic atrial activity.", "cardiology", "anticoagulation rate irregular apixaban"]] },
  { forms: "AFL", senses: [["atrial flutter", "A fast, regular atrial rhythm.", "cardiology", "ablation rate sawtooth"]] },
  { forms: "SVT", senses: [["supraventricular tachycardia", "A fast heart rhythm starting above the ventricles.", "cardiology", "adenosine palpitations vagal"]] },
  { forms: "VT", senses: [["ventricular tachycardia", "A fast, dangerous rhythm starting in the ventricles.", "cardiology", "amiodarone ICD shock"]] },
  { forms: "VF Vfib", senses: [["ventricular fibrillation", "A chaotic rhythm in which the heart does not pump; cardiac arrest.", "cardiology", "arrest defibrillation shock"]] },
  { forms: "PVC", senses: [["premature ventricular contraction", "An extra early beat from the ventricle.", "cardiology", "ECG ectopy palpitations"]] },
  { forms: "PAC", senses: [["premature atrial contraction", "An extra early beat from the atrium.", "cardiology", "ECG ectopy"]] },
  { forms: "NSR", senses: [["normal sinus rhythm", "A normal heart rhythm.", "cardiology", "ECG"]] },
  {
    forms: "SR",
    senses: [
      ["sinus rhythm", "The normal heart rhythm.", "cardiology", "ECG"],
      ["sustained release", "A tablet that releases the drug slowly.", "pharmacy", "tablet mg"],
      ["systematic review", "A study that gathers and appraises all research on a question.", "research", "meta-analysis PRISMA"],
    ],
  },
  {
    forms: "ST",
    senses: [
      ["ST segment", "The part of the ECG between ventricular activation and recovery.", "cardiology", "elevation depression ECG"],
      ["sinus tachycardia", "A normal rhythm that is faster than 100 beats per minute.", "cardiology", "ECG rate"],
      ["speech therapy", "Therapy for speech and swallowing.", "neurology", "swallow dysphagia"],
    ],
  },
  { forms: "QTc", senses: [["corrected QT interval", "The ECG QT interval adjusted for heart rate; long values risk arrhythmia.", "cardiology", "ECG ms prolonged"]] },
  { forms: "LBBB", senses: [["left bundle branch block", "Delayed electrical conduction in the left ventricle.", "cardiology", "ECG QRS"]] },
  { forms: "RBBB", senses: [["right bundle branch block", "Delayed electrical conduction in the right ventricle.", "cardiology", "ECG QRS"]] },
  { forms: "TWI", senses: [["T-wave inversion", "Upside-down T waves on the ECG.", "cardiology", "ECG ischemia"]] },
  { forms: "WPW", senses: [["Wolff-Parkinson-White syndrome", "An extra electrical pathway in the heart that can cause fast rhythms.", "cardiology", "delta wave ablation"]] },
  {
    forms: "AV",
    senses: [
      ["atrioventricular", "Between the atria and ventricles, as in the AV node.", "cardiology", "block node ECG"],
      ["aortic valve", "The valve between the left ventricle and the aorta.", "cardiology", "stenosis replacement echo"],
    ],
  },
  { forms: "AVB", senses: [["atrioventricular block", "Delay or failure of the electrical signal from atria to ventricles.", "cardiology", "ECG pacemaker"]] },
  {
    forms: "AS",
    commonWord: true,
    senses: [
      ["aortic stenosis", "Narrowing of the aortic valve.", "cardiology", "murmur TAVR valve echo"],
      ["ankylosing spondylitis", "An inflammatory arthritis of the spine.", "rheumatology", "HLA-B27 spine sacroiliitis"],
      ["left ear (auris sinistra)", "The left ear.", "otolaryngology", "ear drops"],
    ],
    caution: "For the ear, 'AS' is error-prone (confused with OS). Write 'left ear'.",
  },
  {
    forms: "AR",
    senses: [["aortic regurgitation", "Leaking of the aortic valve.", "cardiology", "murmur echo valve"]],
  },
  {
    forms: "MR",
    senses: [
      ["mitral regurgitation", "Leaking of the mitral valve.", "cardiology", "murmur echo valve"],
      ["magnetic resonance", "MRI imaging.", "radiology", "imaging scan"],
      ["modified release", "A tablet that releases the drug in a controlled way.", "pharmacy", "tablet mg"],
    ],
  },
  { forms: "TR", senses: [["tricuspid regurgitation", "Leaking of the tricuspid valve.", "cardiology", "echo valve"]] },
  { forms: "MVP", senses: [["mitral valve prolapse", "A floppy mitral valve that bulges back into the atrium.", "cardiology", "click murmur echo"]] },
  { forms: "AVR", senses: [["aortic valve replacement", "Surgery to replace the aortic valve.", "cardiology", "stenosis valve surgery"]] },
  { forms: "aVR", senses: [["augmented vector right (ECG lead)", "One of the ECG limb leads.", "cardiology", "ECG lead elevation"]] },
  { forms: "MVR", senses: [["mitral valve replacement (or repair)", "Surgery on the mitral valve.", "cardiology", "valve surgery"]] },
  { forms: "TAVR TAVI", senses: [["transcatheter aortic valve replacement (implantation)", "A new aortic valve placed through a catheter.", "cardiology", "stenosis valve"]] },
  { forms: "PFO", senses: [["patent foramen ovale", "A small flap-like opening between the atria left over from birth.", "cardiology", "stroke bubble echo"]] },
  {
    forms: "ASD",
    senses: [
      ["atrial septal defect", "A hole in the wall between the atria.", "cardiology", "echo shunt"],
      ["autism spectrum disorder", "A developmental condition affecting social communication and behaviour.", "psychiatry", "developmental child social"],
    ],
  },
  { forms: "VSD", senses: [["ventricular septal defect", "A hole in the wall between the ventricles.", "cardiology", "murmur shunt"]] },
  {
    forms: "PDA",
    senses: [
      ["patent ductus arteriosus", "A fetal blood vessel that failed to close after birth.", "neonatology", "preterm murmur indomethacin"],
      ["posterior descending artery", "A coronary artery on the underside of the heart.", "cardiology", "RCA cath stenosis"],
    ],
  },
  { forms: "HCM HOCM", senses: [["hypertrophic (obstructive) cardiomyopathy", "Inherited thickening of the heart muscle.", "cardiology", "septal echo syncope"]] },
  { forms: "DCM", senses: [["dilated cardiomyopathy", "A heart enlarged and weakened.", "cardiology", "EF echo"]] },
  { forms: "CABG", senses: [["coronary artery bypass graft", "Heart surgery that routes blood around blocked coronary arteries.", "cardiology", "bypass surgery LIMA"]] },
  { forms: "PCI", senses: [["percutaneous coronary intervention", "Opening a coronary artery with a balloon and stent through a catheter.", "cardiology", "stent cath STEMI"]] },
  { forms: "PTCA", senses: [["percutaneous transluminal coronary angioplasty", "Opening a coronary artery with a balloon.", "cardiology", "balloon stent"]] },
  {
    forms: "DES",
    senses: [["drug-eluting stent", "A coronary stent coated with a drug that slows re-narrowing.", "cardiology", "PCI stent"]],
  },
  { forms: "BMS", senses: [["bare-metal stent", "A coronary stent without a drug coating.", "cardiology", "PCI stent"]] },
  {
    forms: "LAD",
    senses: [
      ["left anterior descending (artery)", "The coronary artery down the front of the heart.", "cardiology", "stenosis cath stent"],
      ["lymphadenopathy", "Swollen lymph nodes.", "oncology", "nodes cervical axillary"],
      ["left axis deviation", "An ECG finding of a leftward electrical axis.", "cardiology", "ECG axis"],
    ],
  },
  { forms: "LCx LCX", senses: [["left circumflex (artery)", "A coronary artery around the left side of the heart.", "cardiology", "cath stenosis"]] },
  { forms: "RCA", senses: [["right coronary artery", "The coronary artery supplying the right heart and the underside.", "cardiology", "cath stenosis inferior"]] },
  { forms: "LM LMCA", senses: [["left main (coronary artery)", "The short trunk that splits into the LAD and circumflex.", "cardiology", "cath stenosis"]] },
  {
    forms: "OM",
    senses: [
      ["otitis media", "A middle ear infection.", "otolaryngology", "ear amoxicillin tympanic child"],
      ["obtuse marginal (artery)", "A branch of the circumflex coronary artery.", "cardiology", "cath stenosis"],
    ],
  },
  { forms: "PPM", senses: [
    ["permanent pacemaker", "An implanted device that keeps the heart from beating too slowly.", "cardiology", "bradycardia block pacing"],
    ["parts per million", "A concentration unit.", "research", "concentration"],
  ] },
  { forms: "CRT-D", senses: [["cardiac resynchronization therapy with defibrillator", "A biventricular pacemaker that can also shock.", "cardiology", "EF LBBB"]] },
  { forms: "LVAD", senses: [["left ventricular assist device", "A mechanical pump that helps a failing left ventricle.", "cardiology", "heart failure transplant"]] },
  { forms: "IABP", senses: [["intra-aortic balloon pump", "A balloon in the aorta that supports a failing heart.", "cardiology", "cardiogenic shock"]] },
  { forms: "ECMO", senses: [["extracorporeal membrane oxygenation", "A machine outside the body that oxygenates the blood.", "critical care", "cannula respiratory failure"]] },
  { forms: "ECG EKG", senses: [["electrocardiogram", "A recording of the heart's electrical activity.", "cardiology", "rhythm leads ST"]] },
  { forms: "TTE", senses: [["transthoracic echocardiogram", "An ultrasound of the heart through the chest wall.", "cardiology", "echo EF valve"]] },
  { forms: "TEE", senses: [["transesophageal echocardiogram", "An ultrasound of the heart from the esophagus.", "cardiology", "echo thrombus endocarditis"]] },
  {
    forms: "CTA",
    senses: [
      ["computed tomography angiography", "A CT scan of blood vessels with contrast.", "radiology", "contrast aneurysm stenosis dissection"],
      ["clear to auscultation", "The lungs sound clear with a stethoscope.", "pulmonology", "lungs bilaterally exam"],
    ],
  },
  { forms: "CTPA", senses: [["CT pulmonary angiogram", "A CT scan with contrast to look for clots in the lungs.", "radiology", "PE embolism"]] },
  { forms: "CCTA", senses: [["coronary CT angiography", "A CT scan of the coronary arteries.", "radiology", "coronary calcium"]] },
  {
    forms: "ETT",
    senses: [
      ["endotracheal tube", "A breathing tube through the mouth into the windpipe.", "critical care", "intubated ventilator carina"],
      ["exercise treadmill test", "A stress test on a treadmill with ECG monitoring.", "cardiology", "stress ischemia ECG"],
    ],
  },
  { forms: "MPI", senses: [["myocardial perfusion imaging", "A nuclear scan of blood flow to the heart muscle.", "cardiology", "stress nuclear ischemia"]] },
  { forms: "SPECT", senses: [["single-photon emission computed tomography", "A nuclear scan that shows blood flow or function in 3D.", "radiology", "nuclear perfusion"]] },
  { forms: "LHC", senses: [["left heart catheterization", "A catheter test of the coronary arteries and left heart.", "cardiology", "cath angiography"]] },
  { forms: "RHC", senses: [["right heart catheterization", "A catheter measurement of pressures in the right heart and lungs.", "cardiology", "pulmonary hypertension wedge"]] },
  { forms: "PCWP PAWP", senses: [["pulmonary capillary (artery) wedge pressure", "An estimate of left atrial pressure from a catheter.", "cardiology", "RHC mmHg"]] },
  { forms: "CVP", senses: [["central venous pressure", "Pressure in the large veins near the heart.", "critical care", "line volume"]] },
  {
    forms: "CO",
    senses: [
      ["cardiac output", "How much blood the heart pumps each minute.", "cardiology", "index liters"],
      ["carbon monoxide", "A poisonous gas from burning fuel.", "emergency", "poisoning hyperbaric"],
    ],
  },
  {
    forms: "CI",
    senses: [
      ["confidence interval", "The range likely to contain the true value.", "research", "95% OR HR ratio"],
      ["cardiac index", "Cardiac output adjusted for body size.", "cardiology", "shock output"],
    ],
  },
  { forms: "SVR", senses: [
    ["systemic vascular resistance", "How hard the body's blood vessels resist flow.", "critical care", "shock pressors"],
    ["sustained virologic response", "Hepatitis C virus still undetectable months after treatment: a cure.", "hepatology", "HCV treatment"],
  ] },
  { forms: "MAP", commonWord: true, senses: [["mean arterial pressure", "The average blood pressure during one heartbeat.", "critical care", "pressors goal mmHg"]] },
  { forms: "BP", senses: [["blood pressure", "The pressure of blood in the arteries.", "general", "mmHg systolic diastolic"]] },
  {
    forms: "SBP",
    senses: [
      ["systolic blood pressure", "The top blood pressure number, when the heart contracts.", "cardiology", "mmHg pressure"],
      ["spontaneous bacterial peritonitis", "Infection of ascites fluid in liver disease.", "hepatology", "ascites paracentesis cirrhosis neutrophils"],
    ],
  },
  { forms: "DBP", senses: [["diastolic blood pressure", "The bottom blood pressure number, when the heart relaxes.", "cardiology", "mmHg pressure"]] },
  {
    forms: "HR",
    senses: [
      ["heart rate", "Heartbeats per minute.", "general", "bpm tachycardic"],
      ["hazard ratio", "How the rate of an event compares between groups over time.", "research", "CI Cox survival"],
    ],
  },
  { forms: "HTN", senses: [["hypertension", "High blood pressure.", "cardiology", "lisinopril amlodipine"]] },
  { forms: "HLD", senses: [["hyperlipidemia", "High cholesterol or other blood fats.", "cardiology", "statin cholesterol"]] },
  {
    forms: "PAD",
    commonWord: true,
    senses: [["peripheral artery disease", "Narrowed leg arteries causing pain on walking.", "cardiology", "claudication ABI"]],
  },
  { forms: "PVD", senses: [["peripheral vascular disease", "Narrowed arteries or damaged veins outside the heart.", "cardiology", "claudication"]] },
  { forms: "ABI", senses: [["ankle-brachial index", "Ankle blood pressure divided by arm pressure, a test for leg artery disease.", "cardiology", "claudication PAD"]] },
  { forms: "AAA", senses: [["abdominal aortic aneurysm", "A bulge in the aorta in the belly.", "surgery", "aneurysm repair ultrasound"]] },
  { forms: "DVT", senses: [["deep vein thrombosis", "A blood clot in a deep vein, usually in the leg.", "hematology", "leg swelling ultrasound anticoagulation"]] },
  { forms: "VTE", senses: [["venous thromboembolism", "A clot in a vein (DVT) or in the lungs (PE).", "hematology", "prophylaxis anticoagulation"]] },
  {
    forms: "PE",
    senses: [
      ["pulmonary embolism", "A blood clot that has travelled to and blocked a lung artery.", "pulmonology", "CTPA D-dimer anticoagulation dyspnea heparin Wells tachycardia"],
      ["physical examination", "The clinician's hands-on examination of the patient.", "general", "exam HEENT unremarkable auscultation abdomen extremities"],
      ["pleural effusion", "Fluid collected between the lung and the chest wall.", "pulmonology", "thoracentesis CXR blunting decubitus"],
      ["pressure equalization (tubes)", "Tiny ear tubes that let air into the middle ear.", "otolaryngology", "tubes ear otitis myringotomy"],
    ],
  },
  { forms: "SVC", senses: [["superior vena cava", "The large vein bringing blood from the upper body to the heart.", "cardiology", "syndrome catheter"]] },
  { forms: "IVC", senses: [["inferior vena cava", "The large vein bringing blood from the lower body to the heart.", "cardiology", "filter collapsible ultrasound"]] },
  {
    forms: "SCD",
    senses: [
      ["sequential compression device", "Leg sleeves that squeeze to prevent clots.", "general", "DVT prophylaxis"],
      ["sickle cell disease", "An inherited disease of misshapen red cells causing pain crises.", "hematology", "crisis hemoglobin transfusion"],
      ["sudden cardiac death", "Unexpected death from a heart rhythm problem.", "cardiology", "arrhythmia ICD"],
    ],
  },
  { forms: "NYHA", senses: [["New York Heart Association (class)", "A I-to-IV grade of heart failure symptoms.", "cardiology", "class heart failure"]] },
  { forms: "CHA2DS2-VASc", senses: [["stroke-risk score in atrial fibrillation", "A score of stroke risk factors that guides anticoagulation in atrial fibrillation.", "cardiology", "anticoagulation stroke AF"]] },
  { forms: "HAS-BLED", senses: [["bleeding-risk score on anticoagulation", "A score of bleeding risk for patients on blood thinners.", "cardiology", "bleeding anticoagulation"]] },
  { forms: "TIMI", senses: [["Thrombolysis in Myocardial Infarction (score or flow grade)", "A risk score for acute coronary syndrome, or a grade of coronary flow.", "cardiology", "ACS risk flow"]] },
  { forms: "MACE", senses: [["major adverse cardiovascular events", "A combined outcome of heart attack, stroke and cardiovascular death.", "research", "outcome trial"]] },
  { forms: "S3", senses: [["third heart sound", "An extra heart sound early in filling, often in heart failure.", "cardiology", "gallop"]] },
  { forms: "S4", senses: [["fourth heart sound", "An extra heart sound before the beat, from a stiff ventricle.", "cardiology", "gallop"]] },
  { forms: "PEA", senses: [["pulseless electrical activity", "Cardiac arrest with electrical activity on the monitor but no pulse.", "emergency", "arrest CPR epinephrine"]] },
  {
    forms: "AED",
    senses: [
      ["automated external defibrillator", "A portable device that analyses the rhythm and gives a shock.", "emergency", "arrest shock CPR"],
      ["antiepileptic drug", "A medicine that prevents seizures.", "neurology", "seizure levetiracetam"],
    ],
  },
];
