/**
 * Word lists the name recognizers use: given names that make a capitalised pair likely to be a person, words that
 * look like names but are not (clinical abbreviations, eponyms, headings), and the titles, credentials and family
 * words that announce a name. Written for this project; every entry is a plain fact of usage.
 */

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/**
 * Common given names across the communities a US or UK clinic serves. Used only as a signal: a given name followed
 * by a capitalised word that is not a known non-name is reported as a person.
 */
export const GIVEN_NAMES = wordSet(`
Aaron Abdul Abdullah Abigail Abraham Ada Adam Adaeze Adebayo Adel Adrian Adriana Agnes Agnieszka Ahmad Ahmed Aidan Aiko
Aisha Akira Alan Albert Alberto Aleksandra Alejandra Alejandro Alex Alexander Alexandra Alexis Alfred Ali Alice Alicia
Alison Allison Alma Alvaro Amanda Amara Amber Amelia Amina Amir Amit Amy Ana Anders Andre Andrea Andreas Andrew Andrés
Angela Angelica Anika Anita Anjali Ann Anna Anne Annette Anthony Antoine Antonio Anya Arjun Arnold Arthur Arturo Asha
Ashley Astrid Audrey Avery Ayesha Babajide Barbara Beatrice Beatriz Ben Benjamin Bernard Bernadette Beth Bethany Betty
Beverly Bianca Bill Billy Blake Bo Bobby Bonnie Brad Bradley Brandon Brenda Brendan Brian Bridget Brittany Bruce Bruno
Bryan Caitlin Calvin Cameron Camila Candice Cara Carl Carla Carlos Carmen Carol Caroline Carolyn Carrie Casey Catalina
Catherine Cecilia Celeste Chantal Charles Charlotte Chen Chiamaka Chidi Chinedu Chioma Chloe Chris Christian Christina
Christine Christopher Ciara Ciarán Cindy Claire Clara Clarence Claudia Clifford Colin Conceição Connor Constance Cora
Cornelius Craig Cristina Crystal Curtis Cynthia Dale Dalia Dan Dana Daniel Daniela Danielle Daniyar Darius Darnell
Darren Dave David Dawn Dean Debbie Deborah Declan Deepa Deepak Delia Denise Dennis Derek Desmond Devon Diana Diane
Diego Dimitri Dmitri Dominic Donald Donna Doris Dorothy Douglas Duncan Dwayne Dylan Earl Eduardo Edward Edwin Eileen
Elaine Eleanor Elena Eli Elias Elif Elijah Elisa Elizabeth Ella Ellen Elliot Eloise Emeka Emil Emily Emma Emmanuel
Enrique Eric Erica Erik Erin Ernest Esperanza Esther Ethan Eugene Eva Evan Evelyn Ezra Fahad Faisal Farah Farid Fatima
Fatma Felicia Felipe Felix Fernando Fiona Fionnuala Florence Frances Francesca Francis Francisco Frank Fred Frederick
Gabriel Gabriela Gareth Gary Gavin Gemma Genevieve George Georgina Gerald Gerard Gianna Gilbert Gina Giovanni Giulia
Gladys Glenn Gloria Gordon Grace Graham Grant Greg Gregory Gustavo Gwen Hadi Hailey Hamid Hana Hannah Harold Harriet
Harry Hassan Heather Hector Heidi Helen Helena Henrik Henry Herbert Hiroshi Holly Howard Hugo Hung Ian Ibrahim Ifeoma
Igor Imani Imogen Ines Ingrid Ira Irene Iris Isaac Isabel Isabella Isaiah Ismail Ivan Jack Jackson Jacob Jacqueline
Jade Jaime Jake Jamal James Jamie Jan Jane Janet Janice Jared Jasmine Jason Javier Jay Jean Jeanette Jeffrey Jennifer
Jeremy Jerome Jerry Jess Jesse Jessica Jesús Jill Jim Jimmy Joan Joanna Joaquín Jocelyn Joe Joel Johan Johanna John
Johnny Jon Jonah Jonas Jonathan Jordan Jorge José Joseph Josephine Joshua Joy Joyce Juan Juanita Judith Judy Julia
Julian Julie Julien Julio Justin Kamal Kareem Karen Karim Karl Kate Katherine Kathleen Kathryn Katie Kayla Keisha
Keith Kelly Ken Kendra Kenji Kenneth Kevin Khalid Kim Kimberly Kofi Kojo Krishna Kristen Kwabena Kwame Kyle Lakshmi
Lamar Lara Lars Latoya Laura Lauren Lawrence Leah Lee Leila Lena Leo Leon Leonard Leslie Liam Lila Lillian Lily Linda
Lindsay Lionel Lisa Liu Liz Lorenzo Lorraine Louis Louise Lucas Lucia Lucía Luis Luke Lydia Lynn Madeline Magdalena
Maggie Mai Malik Mandy Manuel Marcel Marco Marcus Margaret Margarita Marguerite Maria María Mariam Marian Marie Marina
Mario Marisol Mark Marta Martha Martin Marvin Mary Mateo Matthew Maureen Maurice Max Maximilian Maya Megan Mehmet Mei
Melanie Melissa Meredith Mia Michael Michelle Miguel Mikhail Mila Miles Min Ming Miriam Mohammed Moira Monica Monique
Mordecai Morgan Muhammad Nadia Nancy Naomi Natalia Natalie Nathan Nathaniel Neil Nelson Ngozi Niamh Nicholas Nicole
Nikhil Nikolai Nina Noah Noel Nora Norma Nuno Olamide Oleg Olga Oliver Olivia Olumide Omar Oscar Owen Pablo Pamela
Patricia Patrick Paul Paula Pauline Pedro Penelope Peter Petra Philip Phillip Phoebe Pierre Piotr Pooja Priya Priyanka
Rachel Rafael Rahul Raj Rajesh Ralph Ramesh Ramon Ramón Randy Raquel Raul Ravi Ray Raymond Rebecca Reggie Rena Renee
Rhonda Ricardo Richard Rita Rob Robert Roberta Roberto Robin Rodrigo Roger Roland Ronald Rosa Rosalind Rose Rosemary
Roy Ruby Rufus Russell Ruth Ryan Sabrina Sadia Salma Sam Samantha Samir Samuel Sandra Sanjay Santiago Sara Sarah Scott
Sean Sebastian Selin Sergei Sergio Seun Shanice Shannon Sharon Sharonda Shawn Sheila Shirley Simon Simone Siobhan
Sofia Sophia Sophie Stanislaw Stanley Stefan Stella Stephanie Stephen Steven Sunil Susan Suzanne Sven Sylvia Tamara
Tamika Tanya Tara Tatiana Teresa Terrence Terry Thabo Theo Theodore Theresa Thomas Tiffany Tim Timothy Tina Tobias
Todd Tom Tomasz Tommy Tony Tracy Travis Trevor Tunde Tyler Tyrone Uchenna Umar Valentina Valerie Vanessa Vera Veronica
Victor Victoria Vikram Vincent Viola Violet Viktor Vivian Walter Wanda Warren Wayne Wei Wendy Wesley Whitney William
Willie Winifred Winnie Xavier Xin Yan Yasmin Yolanda Yosef Yuki Yusuf Yvonne Zachary Zainab Zara Zoe Zoltan
Abel Addison Adele Adeline Adriel Agatha Ahmet Aileen Ainsley Alana Alba Alejandro Alena Alfonso Alfredo Alina Alistair
Alyssa Amalia Amaya Ambrose Amelie Anastasia Angus Annabel Annie Anton Antonia April Archie Ariana Ariel Arlene Armando
Arnav Aryan Aubrey Augustine Aurora Austin Ava Axel Bao Barry Basil Beatrix Benedict Bernice Bertha Bertram Beryl
Bilal Blanca Bradford Brianna Bridie Brooke Bryce Buster Caleb Callum Camille Candace Carmelo Carter Cassandra Cedric
Celia Charlene Charlie Chester Chidinma Chinwe Clara Clare Claudette Clayton Clement Cleo Clyde Colette Conor Conrad
Corinne Cyrus Daisy Damian Damon Dante Daphne Darlene Daryl Deandre Deirdre Delphine Demetrius Desiree Destiny Dexter
Dolores Dominique Dorian Earnest Edgar Edith Edna Effie Eleni Elliott Elmer Eloise Elsa Elsie Emeka Emilio Enid Enzo
Esme Estelle Ethel Eunice Evangeline Everett Fabian Faye Femi Fern Finn Fletcher Flora Floyd Frankie Freddie Frida
Gabrielle Gaston Gemma Geraldine Gertrude Gideon Ginger Giselle Glenda Godfrey Gracie Greta Guadalupe Gunnar Gus
Hank Harlan Harriet Harvey Hattie Hazel Herman Hester Hilda Homer Horace Hubert Humberto Hyun Ida Ignacio Imelda Inez
Ingrid Irma Isadora Ivy Jaden Jaylen Jaxon Jeanne Jemima Jenna Jillian Jorge Josiah Jude Judah Juliet June Kai Kamala
Kasia Katarzyna Kayleigh Keanu Kelvin Kenya Kieran Kira Kurt Lachlan Lamont Landon Laverne Leandro Leland Leona Leroy
Lester Levi Lilia Lincoln Lindsey Lloyd Lois Lonnie Loretta Lorna Lottie Lowell Luca Lucille Lucinda Lucy Luella Luz
Mabel Mackenzie Madison Mae Magnus Malcolm Marcella Marcia Margo Marlene Marlon Matilda Maude Mavis Maxine Mercedes
Micah Mildred Milo Minnie Mirela Mitchell Molly Muriel Myra Myrtle Nadine Nell Nellie Nigel Nils Nolan Norman Octavia
Odette Olive Opal Orla Osvaldo Otis Otto Pearl Percy Perry Petronella Pilar Polly Priscilla Prudence Quentin Quinn
Rafaela Rashid Reginald Reid Rhys Roderick Rodney Rohan Ronan Rory Rosalie Roxanne Rufus Rupert Sadie Sally Salvador
Samara Sasha Saul Selma Seymour Shane Sharon Sherman Sheldon Shirin Sidney Silas Sinead Sione Solomon Stacy Stuart
Sybil Sylvester Tabitha Tariq Tasha Thaddeus Thelma Theodora Tia Timothee Tobias Trinity Tristan Trudy Ulysses Una
Ursula Valeria Vaughn Velma Vernon Vida Vince Virgil Vivienne Wallace Wendell Whitley Wilbur Wilfred Wilma Winston
Wyatt Yara Yetunde Yves Zeke Zelda Zion
`);

/** Titles that put a name after them; the title itself is not reported. */
export const TITLES = [
  "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Doctor", "Father", "Sister", "Brother", "Rev",
  "Reverend", "Officer", "Judge", "Nurse", "Rabbi", "Imam", "Pastor", "Sir", "Dame", "Lady", "Lord", "Coach", "Captain",
  "Capt", "Sgt", "Sergeant", "Detective", "Deputy", "Lt", "Lieutenant",
] as const;

/** The titles as a set, for trimming them off a candidate ("Dr Kwabena Mensah" → "Kwabena Mensah"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(TITLES.flatMap((title) => [title, `${title}.`]));

/** Professional credentials written after a name ("J. Smith, MD"). */
export const CREDENTIALS = [
  "MD", "M\\.D\\.", "DO", "D\\.O\\.", "MBBS", "MBChB", "MB BCh BAO", "MB BCh", "BAO", "MRCP", "MRCS", "MRCGP", "MICGP",
  "FRCP", "FRCS", "FRCPC", "FACS", "FACP", "FACC", "FAAD", "FASE", "FACOG", "FAAP", "FCCP", "FACEP", "FAHA", "PhD",
  "Ph\\.D\\.", "MPH", "MSc", "MS", "MSN", "MSW", "BSN", "RN", "LPN", "NP", "FNP", "FNP-BC", "FNP-C", "AGNP", "APRN",
  "CNM", "CRNA", "DNP", "PA", "PA-C", "PharmD", "BCPS", "BCIDP", "BCOP", "CACP", "RPh", "LCSW", "LICSW", "LMFT", "PsyD",
  "CGC", "CRC", "CCRC", "RDMS", "RDCS", "RVT", "RRT", "DPT", "PT", "OT", "OTR", "SLP", "CCC-SLP", "DDS", "DMD", "DPM",
  "DABSM", "SANE-A", "CNA", "EMT", "EMT-P", "MBA", "JD", "GC", "CWOCN", "CWON", "CWCN", "CDE", "CDCES", "IBCLC", "RD",
  "RDN", "LD", "CCRN", "CEN", "CNS", "ACNP", "AGACNP", "PMHNP", "NNP", "CPNP", "DC", "OD", "LMHC", "LPC", "LCPC",
  "CADC", "BCBA", "RT", "ATC", "CPhT", "MLS", "CLS", "RDH", "NRP", "CCP", "DMSc", "MHS", "MPAS", "RN-BC", "CPN", "OCN",
  "CNOR", "CMA", "LVN", "FRACP", "FRCSC", "FRCOG", "FRCPath", "FRCR", "MRCPCH", "MRCOG", "FCEM", "DipRCPath", "MMed",
] as const;

/** Words for relatives and other people in a patient's life, which often come right before their name. */
export const RELATIONS = [
  "wife", "husband", "spouse", "partner", "son", "daughter", "mother", "father", "stepmother", "stepfather", "stepson",
  "stepdaughter", "sister", "brother", "grandson", "granddaughter", "grandmother", "grandfather", "grandchild", "niece",
  "nephew", "aunt", "uncle", "cousin", "friend", "neighbor", "neighbour", "caregiver", "carer", "boyfriend",
  "girlfriend", "fiancé", "fiancée", "fiance", "fiancee", "parents", "parent", "guardian", "roommate", "twin",
  "sister-in-law", "brother-in-law", "daughter-in-law", "son-in-law", "mother-in-law", "father-in-law", "mom", "mum",
  "dad", "grandma", "grandpa", "granny", "nan", "stepmom", "stepdad", "children", "kids", "sons", "daughters", "twins",
  "grandchildren", "grandsons", "granddaughters", "siblings", "great-nephew", "great-niece", "great-grandson",
  "great-granddaughter", "godmother", "godfather", "ex-wife", "ex-husband", "ex-partner", "widow", "widower", "fiancé(e)",
  "aide", "home aide", "sitter", "companion", "nanny", "babysitter", "housekeeper", "landlord", "landlady", "employer",
  "boss", "teacher", "coach",
] as const;

/** Clinical and administrative abbreviations written in capitals; never a name, whatever announces them. */
export const ABBREVIATIONS = wordSet(`
ED ER TIA NSTEMI STEMI ACS PT OT SLP ICU MICU SICU CCU CVICU NICU PICU PACU OR IR CT CTA MRI MRA PET ECG EKG EEG EMG
CBC BMP CMP LFT LFTs UA HPI ROS PMH PSH FH SH CC RRR CTAB NAD AF RVR HTN DM CKD ESRD CAD CHF HF HFrEF HFpEF COPD OSA
GERD UTI CAUTI DVT PE MI CVA AKI ARDS DKA HHS IV IM PO SC SQ PRN BID TID QID QD QHS NPO DNR DNI POLST MOLST HCP POA RN
NP PA MD DO VNA SNF GI ENT OB GYN ID EMS ALS BLS CPR ACLS BP HR RR MAP RASS CAM GCS NIHSS SOFA MELD INR PTT BNP CRP ESR
WBC RBC HGB HCT PLT ANC TSH FEV FVC DLCO ABG VBG NG OG PEG PICC CVC ETT BiPAP CPAP HFNC NC RA PRBC FFP TPN DAPT DES
PCI CABG TAVR TEE TTE EGD ERCP EUS EBUS LP HIV HCV HBV COVID RSV MRSA VRE ESBL CDI TB AIDS SLE RA CLL AML ALL CML MDS
BRCA HER ER PR KRAS EGFR ALK PD PDL NOS NAS AA BMI BSA LOS AMA SOAP HP DS LVEF EF AST ALT ALP GGT LDH CK PSA CEA AFP
CA HbA HbSS A1c MCV RDW SpO FiO PaO PEEP ASA NYHA CFS ADL IADL MMSE MoCA PHQ GAD PANSS AIMS CIWA COWS UDS EtOH THC
II III IV VI VII VIII IX XI XII USA US UK NHS CDC FDA WHO CMS HIPAA EHR EMR PHI IRB REC AHA ACC ESC IDSA ASCO NCCN
`);

/**
 * Eponyms and organism names. Many are also surnames (Weiss, Smith, Wilson), so they block a name only where the
 * evidence is weak: a bare capitalised pair, a relative's name, or a repeated surname.
 */
export const EPONYMS = wordSet(`
Parkinson Parkinson's Alzheimer Alzheimer's Crohn Crohn's Foley Glasgow Babinski Murphy Homans Cushing Addison Graves
Hashimoto Bell Guillain Barré Barre Wernicke Korsakoff Hodgkin Kaposi Wilson Down Turner Marfan Epstein Barr Swan Ganz
Whipple Nissen Roux Kussmaul Cheyne Stokes Trendelenburg Apgar Wells Framingham Pugh Ranson Gleason Breslow Mallampati
Lachman McMurray Phalen Tinel Romberg Kernig Brudzinski Chvostek Trousseau Virchow Lewy Bence Charcot Barrett Meckel
Hirschsprung Kawasaki Takayasu Sjögren Sjogren Raynaud Osler Janeway Flint Steell Levine Hamman Argyll Horner Holter
Doppler Venturi Bair Hugger Penrose Ambu Hartmann Billroth Kocher Pfannenstiel McBurney Rovsing Ottawa Hickman
Groshong Gitelman Bartter Takotsubo Wolff Brugada Mobitz Wenckebach Lyme Seldinger Valsalva Heimlich Finkelstein
Spurling Cormack Lehane Epworth Killip Forrester Forrest Blatchford Rockall Alvarado Westley Morse Braden Katz Barthel
Karnofsky Hughes Simpson Montreal Bradshaw Caprini Padua Geneva Fuhrman Nottingham Dukes Binet Durie Tanner Ballard
Bishop Lown Banff Milan Rome Jones Steinert Duchenne Becker Fabry Gaucher Tay Sachs Niemann Pick Huntington Tourette
Asperger Munchausen Stevens Johnson Henoch Schönlein Schonlein Kasabach Merritt Budd Chiari Dandy Walker Arnold Mallory
Weiss Zollinger Ellison Peutz Jeghers Lynch Klinefelter Noonan Prader Willi Angelman Rett Ehlers Danlos Legg Calvé
Perthes Osgood Schlatter Sever Baker Dupuytren Colles Smith Monteggia Galeazzi Jefferson Hangman Bennett Rolando Boxer
Klumpsky Erb Duchenne Tommy John Jackson Pratt Ringer Ringer's Hartmann's Lugol Gram Ziehl Neelsen Giemsa Wright
Papanicolaou Pap Coombs Schilling Widal Mantoux Weber Rinne Snellen Ishihara Hering Breuer Frank Starling Bainbridge
Cushing's Addison's Graves' Hashimoto's Wilson's Raynaud's Bell's Barrett's Hodgkin's Kaposi's Meckel's Sjögren's
Escherichia Klebsiella Pseudomonas Staphylococcus Streptococcus Enterococcus Candida Clostridium Clostridioides
Helicobacter Campylobacter Legionella Listeria Salmonella Shigella Neisseria Haemophilus Mycobacterium Mycoplasma
Chlamydia Bordetella Proteus Serratia Enterobacter Acinetobacter Bacteroides Aspergillus Cryptococcus Pneumocystis
Treponema Borrelia Rickettsia Toxoplasma Giardia Plasmodium Strongyloides
`);

/** Capitalised words that sit where names sit (headings, roles, departments, days, months, function words). */
export const COMMON_WORDS = wordSet(`
Patient Patients Pt Name Names Age Sex Male Female Man Woman Boy Girl Baby Infant Child Unknown
Admission Admitted Admit Discharge Discharged History Physical Exam Examination Assessment Plan Impression Findings
Finding Diagnosis Diagnoses Procedure Procedures Indication Indications Technique Comparison Course Hospital Clinic
Center Centre Medical Medicine Department Dept Unit Ward Service Services Health Healthcare Care Emergency Internal
Family General Surgery Surgical Cardiology Cardiac Neurology Neurosurgery Oncology Radiology Pathology Psychiatry
Pediatrics Paediatrics Pediatric Dermatology Rheumatology Endocrinology Hepatology Nephrology Pulmonology Pulmonary
Gastroenterology Hematology Urology Orthopaedics Orthopedics Rehabilitation Rehab Genetics Geriatrics Geriatric
Obstetrics Gynecology Anesthesia Anesthesiology Infectious Diseases Disease Critical Intensive Palliative Hospice
Sleep Transplant Nursing Nurse Pharmacy Pharmacist Social Work Worker Physician Doctor Practitioner Resident Fellow
Attending Consultant Surgeon Team Program Office Practice Group Partners Associates University College School
Institute Foundation Laboratory Lab Labs Clinical Research Study Trial Protocol Data Registry Department Division
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
January February March May July September October November December Jan Feb Mar Apr Jun Jul Aug
Sep Sept Oct Nov Dec Today Tomorrow Yesterday Tonight Morning Evening Night Daily Weekly
The A An And Or But If In On At To For From With Without By Of As Is Was Are Were Be Been He She They We I It His Her
Their Our My Your This That These Those There Here No Not Yes None All Any Some Per Via Please Thank Thanks Dear
Sincerely Regards Yours Kind Best Warm Re Cc Attn Date Time Chief Complaint Review Systems Medications Medication
Allergies Allergy Vitals Vital Signs Results Result Follow Followup Return Continue Start Started Stop Stopped Hold
Held Consider Recommend Recommended Signed Electronically Dictated Transcribed Reviewed Seen Called Reports Reported
Denies Presented Presents Transferred Status Post Left Right Bilateral Acute Chronic Normal Abnormal Positive
Negative Stable Improved Home Alive Deceased Living Healthy Well Good Fair Poor Note Notes Report Summary Letter Form
Request Order Orders Visit Encounter Consult Consultation Referral Referred Appointment Schedule Session Code Type
Stage Grade Class Score Scale Level Total Average Mean Median Table Figure Case Cases Background Methods Conclusion
Conclusions Discussion Introduction Abstract Keywords Acknowledgements References Correspondence Authors Author
Affiliation Key Learning Point Message Supplementary Video Contact Phone Tel Fax Email Mobile Cell Pager Address
Insurance Medicare Medicaid Member Policy Claim Account Billing Statement Subject Sent From To Reply Forward Team
Interpreter Chaplain Coordinator Counselor Therapist Sonographer Radiologist Pathologist Operator Specimen Accession
Preoperative Postoperative Operative Anesthesiologist Assistant Reader Guardian Proxy Agent Witness Examiner
Advocate Decedent Informant Certifier Principal Alternate Caller Client Student Claimant Guarantor Subscriber
Prescriber Provider Hospitalist Endoscopist Bronchoscopist Midwife Surgeon Intake Genetics Dear Colleague
Street Avenue Road Lane Drive Boulevard Court Way Place Suite Apt Box Floor Room Bed Building
North South East West Central Upper Lower Greater Saint St Mount
Alert Incident Event Action Audit Gateway Security Analyst Reported Notified Advised Discussed Agreed Plan
Tablet Capsule Injection Infusion Dose Doses Sig Disp Rx Refills Qty Take Discard
Triage Registration Sheet Education Safety Information Instructions Portal Screening Log Chart Record Records
`);

/** Words that, right after an eponym, show it is a sign, disease or device rather than a person. */
export const EPONYM_HEADS = wordSet(`
sign signs syndrome disease disorder murmur test tests score scale criteria catheter catheters tube tubes drain drains
procedure operation maneuver manoeuvre reflex phenomenon nodule nodules spots spot lesion lesions palsy classification
stage staging fracture pouch triad rule rules index equation formula solution stain staining protein bodies body
respiration respirations breathing fistula hernia esophagus oesophagus diverticulum ulcer ulcers cell cells node nodes
angle line lines point incision position test's approach grading grade system type method ratio sac cyst tumor tumour
sarcoma lymphoma encephalopathy psychosis dementia contracture repair prep bowel mask valve shunt needle filter bag
monitor monitoring effect law curve reaction vaccine virus bacillus
`);
