#!/usr/bin/env node
// Builds public/datasets/demo.json, the built-in demo data set of Drug GNN Playground.
//
// Everything in this file was written by the project from well-known public facts:
// DrugBank accession numbers and common names (checked against the CC0 DrugBank open
// vocabulary), structures written as SMILES, WHO ATC codes, and interaction classes that
// are described in public references (FDA/EMA product labels, the Flockhart CYP450
// table, CredibleMeds QT lists, BNF/Stockley-style class interactions). No third-party
// data file is read. See public/datasets/DATASET.md for provenance, licence and caveats.
//
// Usage:  node scripts/build-demo-dataset.mjs          (writes the JSON)
//         node scripts/build-demo-dataset.mjs --check  (exits 1 if the JSON is stale)
//         node scripts/build-demo-dataset.mjs --stats  (prints per-rule counts)
//
// How the interaction list is built: EXPLICIT pairs first, then the class RULES in order.
// A pair (unordered) is kept only once: the first entry that claims it fixes its type,
// its direction (a = the perpetrator drug where the mechanism has one) and its note.
// Output order is deterministic (by type, then drug names).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../public/datasets/demo.json');

// ---------------------------------------------------------------------------------------
// Interaction types (the small, fixed vocabulary; spelled identically everywhere).
// ---------------------------------------------------------------------------------------
export const TYPES = {
  CYP3A4_INH: 'CYP3A4 inhibition raises exposure',
  INDUCTION: 'enzyme induction lowers exposure',
  CYP2D6_INH: 'CYP2D6 inhibition alters exposure',
  CYP2C_INH: 'CYP2C8/2C9/2C19 inhibition alters exposure',
  CYP1A2_INH: 'CYP1A2 inhibition raises exposure',
  TRANSPORTER: 'transporter (P-gp/OATP/OCT2) inhibition raises exposure',
  QT: 'additive QT prolongation',
  SEROTONIN: 'serotonin syndrome risk',
  BLEEDING: 'additive bleeding risk',
  CNS: 'additive CNS/respiratory depression',
  HYPERK: 'hyperkalaemia risk',
  HYPOTENSION: 'additive hypotension',
  BRADY: 'additive bradycardia/AV block',
  RENAL: 'reduced renal clearance/nephrotoxicity',
  CHELATION: 'reduced absorption (chelation)',
};
const TYPE_ORDER = Object.values(TYPES);

// ---------------------------------------------------------------------------------------
// Drugs: [DrugBank ID, common name (as in the DrugBank vocabulary), ATC codes,
//         categories, SMILES of the parent compound (salts/mixtures: the ions)].
// ---------------------------------------------------------------------------------------
const DRUGS = [
  ['DB00682', 'Warfarin', ['B01AA03'], ['Anticoagulants', 'Vitamin K antagonists'],
    'CC(=O)CC(c1ccccc1)c1c(O)c2ccccc2oc1=O'],
  ['DB06605', 'Apixaban', ['B01AF02'], ['Anticoagulants', 'Factor Xa inhibitors'],
    'COc1ccc(cc1)-n1nc(C(N)=O)c2CCN(C(=O)c12)c1ccc(cc1)N1CCCCC1=O'],
  ['DB06228', 'Rivaroxaban', ['B01AF01'], ['Anticoagulants', 'Factor Xa inhibitors'],
    'Clc1ccc(s1)C(=O)NC[C@H]1CN(C(=O)O1)c1ccc(cc1)N1CCOCC1=O'],
  ['DB06695', 'Dabigatran etexilate', ['B01AE07'], ['Anticoagulants', 'Direct thrombin inhibitors'],
    'CCCCCCOC(=O)N=C(N)c1ccc(NCc2nc3cc(C(=O)N(CCC(=O)OCC)c4ccccn4)ccc3n2C)cc1'],
  ['DB00945', 'Acetylsalicylic acid', ['B01AC06', 'N02BA01'], ['Antiplatelet agents', 'NSAIDs'],
    'CC(=O)Oc1ccccc1C(=O)O'],
  ['DB00758', 'Clopidogrel', ['B01AC04'], ['Antiplatelet agents', 'P2Y12 inhibitors'],
    'COC(=O)[C@H](c1ccccc1Cl)N1CCc2sccc2C1'],
  ['DB06209', 'Prasugrel', ['B01AC22'], ['Antiplatelet agents', 'P2Y12 inhibitors'],
    'CC(=O)Oc1cc2CN(CCc2s1)C(c1ccccc1F)C(=O)C1CC1'],
  ['DB08816', 'Ticagrelor', ['B01AC24'], ['Antiplatelet agents', 'P2Y12 inhibitors'],
    'CCCSc1nc(N[C@@H]2C[C@H]2c2ccc(F)c(F)c2)c2nnn([C@@H]3C[C@H](OCCO)[C@@H](O)[C@H]3O)c2n1'],
  ['DB01050', 'Ibuprofen', ['M01AE01'], ['NSAIDs'],
    'CC(C)Cc1ccc(cc1)C(C)C(=O)O'],
  ['DB00788', 'Naproxen', ['M01AE02'], ['NSAIDs'],
    'COc1ccc2cc(ccc2c1)[C@H](C)C(=O)O'],
  ['DB00586', 'Diclofenac', ['M01AB05'], ['NSAIDs'],
    'OC(=O)Cc1ccccc1Nc1c(Cl)cccc1Cl'],
  ['DB00482', 'Celecoxib', ['M01AH01'], ['NSAIDs', 'COX-2 inhibitors'],
    'Cc1ccc(cc1)-c1cc(nn1-c1ccc(cc1)S(N)(=O)=O)C(F)(F)F'],
  ['DB00328', 'Indomethacin', ['M01AB01'], ['NSAIDs'],
    'COc1ccc2n(C(=O)c3ccc(Cl)cc3)c(C)c(CC(=O)O)c2c1'],
  ['DB00472', 'Fluoxetine', ['N06AB03'], ['Antidepressants', 'SSRIs'],
    'CNCCC(Oc1ccc(cc1)C(F)(F)F)c1ccccc1'],
  ['DB01104', 'Sertraline', ['N06AB06'], ['Antidepressants', 'SSRIs'],
    'CN[C@H]1CC[C@@H](c2ccc(Cl)c(Cl)c2)c2ccccc12'],
  ['DB00715', 'Paroxetine', ['N06AB05'], ['Antidepressants', 'SSRIs'],
    'Fc1ccc(cc1)[C@@H]1CCNC[C@H]1COc1ccc2OCOc2c1'],
  ['DB00215', 'Citalopram', ['N06AB04'], ['Antidepressants', 'SSRIs'],
    'CN(C)CCCC1(OCc2cc(ccc12)C#N)c1ccc(F)cc1'],
  ['DB01175', 'Escitalopram', ['N06AB10'], ['Antidepressants', 'SSRIs'],
    'CN(C)CCC[C@]1(OCc2cc(ccc12)C#N)c1ccc(F)cc1'],
  ['DB00176', 'Fluvoxamine', ['N06AB08'], ['Antidepressants', 'SSRIs'],
    'COCCCC/C(=N\\OCCN)c1ccc(cc1)C(F)(F)F'],
  ['DB00285', 'Venlafaxine', ['N06AX16'], ['Antidepressants', 'SNRIs'],
    'COc1ccc(cc1)C(CN(C)C)C1(O)CCCCC1'],
  ['DB00476', 'Duloxetine', ['N06AX21'], ['Antidepressants', 'SNRIs'],
    'CNCC[C@H](Oc1cccc2ccccc12)c1cccs1'],
  ['DB00370', 'Mirtazapine', ['N06AX11'], ['Antidepressants'],
    'CN1CCN2C(C1)c1ccccc1Cc1cccnc21'],
  ['DB00656', 'Trazodone', ['N06AX05'], ['Antidepressants'],
    'O=c1n(CCCN2CCN(CC2)c2cccc(Cl)c2)nc2ccccn12'],
  ['DB01156', 'Bupropion', ['N06AX12'], ['Antidepressants'],
    'CC(NC(C)(C)C)C(=O)c1cccc(Cl)c1'],
  ['DB00321', 'Amitriptyline', ['N06AA09'], ['Antidepressants', 'Tricyclic antidepressants'],
    'CN(C)CCC=C1c2ccccc2CCc2ccccc12'],
  ['DB00540', 'Nortriptyline', ['N06AA10'], ['Antidepressants', 'Tricyclic antidepressants'],
    'CNCCC=C1c2ccccc2CCc2ccccc12'],
  ['DB00458', 'Imipramine', ['N06AA02'], ['Antidepressants', 'Tricyclic antidepressants'],
    'CN(C)CCCN1c2ccccc2CCc2ccccc12'],
  ['DB01242', 'Clomipramine', ['N06AA04'], ['Antidepressants', 'Tricyclic antidepressants'],
    'CN(C)CCCN1c2ccccc2CCc2ccc(Cl)cc12'],
  ['DB00780', 'Phenelzine', ['N06AF03'], ['Antidepressants', 'MAO inhibitors'],
    'NNCCc1ccccc1'],
  ['DB01037', 'Selegiline', ['N04BD01'], ['Antiparkinson agents', 'MAO inhibitors'],
    'C#CCN(C)[C@H](C)Cc1ccccc1'],
  ['DB00601', 'Linezolid', ['J01XX08'], ['Antibacterials', 'MAO inhibitors'],
    'CC(=O)NC[C@H]1CN(C(=O)O1)c1ccc(N2CCOCC2)c(F)c1'],
  ['DB00669', 'Sumatriptan', ['N02CC01'], ['Antimigraine agents', 'Triptans'],
    'CNS(=O)(=O)Cc1ccc2[nH]cc(CCN(C)C)c2c1'],
  ['DB00953', 'Rizatriptan', ['N02CC04'], ['Antimigraine agents', 'Triptans'],
    'CN(C)CCc1c[nH]c2ccc(Cn3cncn3)cc12'],
  ['DB00295', 'Morphine', ['N02AA01'], ['Opioid analgesics'],
    'CN1CC[C@]23[C@@H]4[C@H]1CC5=C2C(=C(C=C5)O)O[C@H]3[C@H](C=C4)O'],
  ['DB00497', 'Oxycodone', ['N02AA05'], ['Opioid analgesics'],
    'CN1CC[C@]23[C@@H]4C(=O)CC[C@]2([C@H]1CC5=C3C(=C(C=C5)OC)O4)O'],
  ['DB00318', 'Codeine', ['R05DA04'], ['Opioid analgesics', 'Antitussives'],
    'CN1CC[C@]23[C@@H]4[C@H]1CC5=C2C(=C(C=C5)OC)O[C@H]3[C@H](C=C4)O'],
  ['DB00813', 'Fentanyl', ['N02AB03'], ['Opioid analgesics'],
    'CCC(=O)N(C1CCN(CCc2ccccc2)CC1)c1ccccc1'],
  ['DB00193', 'Tramadol', ['N02AX02'], ['Opioid analgesics'],
    'CN(C)CC1CCCCC1(O)c1cccc(OC)c1'],
  ['DB00333', 'Methadone', ['N07BC02'], ['Opioid analgesics', 'Opioid dependence treatment'],
    'CCC(=O)C(CC(C)N(C)C)(c1ccccc1)c1ccccc1'],
  ['DB00921', 'Buprenorphine', ['N02AE01', 'N07BC01'], ['Opioid analgesics', 'Opioid dependence treatment'],
    'CC(C)(C)[C@](C)([C@H]1C[C@@]23CC[C@@]1([C@H]4[C@@]25CCN([C@@H]3CC6=C5C(=C(C=C6)O)O4)CC7CC7)OC)O'],
  ['DB00829', 'Diazepam', ['N05BA01'], ['Benzodiazepines', 'Anxiolytics'],
    'CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc12'],
  ['DB00404', 'Alprazolam', ['N05BA12'], ['Benzodiazepines', 'Anxiolytics'],
    'Cc1nnc2CN=C(c3ccccc3)c3cc(Cl)ccc3-n12'],
  ['DB00186', 'Lorazepam', ['N05BA06'], ['Benzodiazepines', 'Anxiolytics'],
    'OC1N=C(c2ccccc2Cl)c2cc(Cl)ccc2NC1=O'],
  ['DB00683', 'Midazolam', ['N05CD08'], ['Benzodiazepines', 'Hypnotics and sedatives'],
    'Cc1ncc2CN=C(c3ccccc3F)c3cc(Cl)ccc3-n12'],
  ['DB01068', 'Clonazepam', ['N03AE01'], ['Benzodiazepines', 'Antiepileptics'],
    'O=C1CN=C(c2ccccc2Cl)c2cc(ccc2N1)[N+](=O)[O-]'],
  ['DB00425', 'Zolpidem', ['N05CF02'], ['Hypnotics and sedatives'],
    'CN(C)C(=O)Cc1c(nc2ccc(C)cn12)-c1ccc(C)cc1'],
  ['DB00502', 'Haloperidol', ['N05AD01'], ['Antipsychotics'],
    'OC1(CCN(CCCC(=O)c2ccc(F)cc2)CC1)c1ccc(Cl)cc1'],
  ['DB01224', 'Quetiapine', ['N05AH04'], ['Antipsychotics'],
    'OCCOCCN1CCN(CC1)C1=Nc2ccccc2Sc2ccccc12'],
  ['DB00334', 'Olanzapine', ['N05AH03'], ['Antipsychotics'],
    'CN1CCN(CC1)C1=Nc2ccccc2Nc2sc(C)cc12'],
  ['DB00734', 'Risperidone', ['N05AX08'], ['Antipsychotics'],
    'Cc1nc2CCCCn2c(=O)c1CCN1CCC(CC1)c1noc2cc(F)ccc12'],
  ['DB01238', 'Aripiprazole', ['N05AX12'], ['Antipsychotics'],
    'Clc1cccc(N2CCN(CCCCOc3ccc4CCC(=O)Nc4c3)CC2)c1Cl'],
  ['DB00246', 'Ziprasidone', ['N05AE04'], ['Antipsychotics'],
    'Clc1cc2NC(=O)Cc2cc1CCN1CCN(CC1)c1nsc2ccccc12'],
  ['DB00363', 'Clozapine', ['N05AH02'], ['Antipsychotics'],
    'CN1CCN(CC1)C1=Nc2cc(Cl)ccc2Nc2ccccc12'],
  ['DB01100', 'Pimozide', ['N05AG02'], ['Antipsychotics'],
    'Fc1ccc(cc1)C(CCCN1CCC(CC1)N1C(=O)Nc2ccccc12)c1ccc(F)cc1'],
  ['DB00679', 'Thioridazine', ['N05AC02'], ['Antipsychotics', 'Phenothiazines'],
    'CSc1ccc2Sc3ccccc3N(CCC3CCCCN3C)c2c1'],
  ['DB00564', 'Carbamazepine', ['N03AF01'], ['Antiepileptics'],
    'NC(=O)N1c2ccccc2C=Cc2ccccc12'],
  ['DB00776', 'Oxcarbazepine', ['N03AF02'], ['Antiepileptics'],
    'NC(=O)N1c2ccccc2CC(=O)c2ccccc12'],
  ['DB00252', 'Phenytoin', ['N03AB02'], ['Antiepileptics'],
    'O=C1NC(=O)C(N1)(c1ccccc1)c1ccccc1'],
  ['DB01174', 'Phenobarbital', ['N03AA02'], ['Antiepileptics', 'Barbiturates'],
    'CCC1(C(=O)NC(=O)NC1=O)c1ccccc1'],
  ['DB00313', 'Valproic acid', ['N03AG01'], ['Antiepileptics'],
    'CCCC(CCC)C(=O)O'],
  ['DB00555', 'Lamotrigine', ['N03AX09'], ['Antiepileptics'],
    'Nc1nnc(c(N)n1)-c1cccc(Cl)c1Cl'],
  ['DB00273', 'Topiramate', ['N03AX11'], ['Antiepileptics'],
    'CC1(C)O[C@@H]2CO[C@@]3(COS(N)(=O)=O)OC(C)(C)O[C@H]3[C@@H]2O1'],
  ['DB00996', 'Gabapentin', ['N03AX12'], ['Antiepileptics', 'Gabapentinoids'],
    'NCC1(CC(=O)O)CCCCC1'],
  ['DB00230', 'Pregabalin', ['N03AX16'], ['Antiepileptics', 'Gabapentinoids'],
    'CC(C)C[C@H](CN)CC(=O)O'],
  ['DB14509', 'Lithium carbonate', ['N05AN01'], ['Mood stabilisers'],
    '[Li+].[Li+].[O-]C([O-])=O'],
  ['DB00843', 'Donepezil', ['N06DA02'], ['Anti-dementia drugs', 'Cholinesterase inhibitors'],
    'COc1cc2CC(CC3CCN(Cc4ccccc4)CC3)C(=O)c2cc1OC'],
  ['DB00514', 'Dextromethorphan', ['R05DA09'], ['Antitussives'],
    'CN1CC[C@@]23CCCC[C@@H]2[C@@H]1CC4=C3C=C(C=C4)OC'],
  ['DB00904', 'Ondansetron', ['A04AA01'], ['Antiemetics', '5-HT3 antagonists'],
    'Cc1nccn1CC1CCc2c(C1=O)c1ccccc1n2C'],
  ['DB01184', 'Domperidone', ['A03FA03'], ['Antiemetics', 'Prokinetics'],
    'O=c1[nH]c2ccccc2n1CCCN1CCC(CC1)n1c(=O)[nH]c2cc(Cl)ccc12'],
  ['DB00604', 'Cisapride', ['A03FA02'], ['Prokinetics'],
    'CO[C@H]1CN(CCCOc2ccc(F)cc2)CC[C@H]1NC(=O)c1cc(Cl)c(N)cc1OC'],
  ['DB00490', 'Buspirone', ['N05BE01'], ['Anxiolytics'],
    'O=C1CC2(CCCC2)CC(=O)N1CCCCN1CCN(CC1)c1ncccn1'],
  ['DB00289', 'Atomoxetine', ['N06BA09'], ['ADHD medications'],
    'CNCC[C@@H](Oc1ccccc1C)c1ccccc1'],
  ['DB00980', 'Ramelteon', ['N05CH02'], ['Hypnotics and sedatives', 'Melatonin receptor agonists'],
    'CCC(=O)NCC[C@@H]1CCc2ccc3OCCc3c12'],
  ['DB00201', 'Caffeine', ['N06BC01'], ['Stimulants', 'Xanthines'],
    'Cn1cnc2c1c(=O)n(C)c(=O)n2C'],
  ['DB00641', 'Simvastatin', ['C10AA01'], ['Statins'],
    'CCC(C)(C)C(=O)O[C@H]1C[C@@H](C)C=C2C=C[C@H](C)[C@H](CC[C@@H]3C[C@@H](O)CC(=O)O3)[C@@H]12'],
  ['DB01076', 'Atorvastatin', ['C10AA05'], ['Statins'],
    'CC(C)c1c(C(=O)Nc2ccccc2)c(-c2ccccc2)c(-c2ccc(F)cc2)n1CC[C@@H](O)C[C@@H](O)CC(=O)O'],
  ['DB01098', 'Rosuvastatin', ['C10AA07'], ['Statins'],
    'CC(C)c1nc(nc(-c2ccc(F)cc2)c1/C=C/[C@@H](O)C[C@@H](O)CC(=O)O)N(C)S(C)(=O)=O'],
  ['DB00175', 'Pravastatin', ['C10AA03'], ['Statins'],
    'CC[C@H](C)C(=O)O[C@H]1C[C@H](O)C=C2C=C[C@H](C)[C@H](CC[C@@H](O)C[C@@H](O)CC(=O)O)[C@@H]12'],
  ['DB01241', 'Gemfibrozil', ['C10AB04'], ['Fibrates'],
    'Cc1ccc(C)c(OCCCC(C)(C)C(=O)O)c1'],
  ['DB01118', 'Amiodarone', ['C01BD01'], ['Antiarrhythmics', 'Class III antiarrhythmics'],
    'CCCCc1oc2ccccc2c1C(=O)c1cc(I)c(OCCN(CC)CC)c(I)c1'],
  ['DB04855', 'Dronedarone', ['C01BD07'], ['Antiarrhythmics', 'Class III antiarrhythmics'],
    'CCCCc1oc2ccc(NS(C)(=O)=O)cc2c1C(=O)c1ccc(OCCCN(CCCC)CCCC)cc1'],
  ['DB00489', 'Sotalol', ['C07AA07'], ['Antiarrhythmics', 'Beta blockers'],
    'CC(C)NCC(O)c1ccc(NS(C)(=O)=O)cc1'],
  ['DB00204', 'Dofetilide', ['C01BD04'], ['Antiarrhythmics', 'Class III antiarrhythmics'],
    'CN(CCOc1ccc(NS(C)(=O)=O)cc1)CCc1ccc(NS(C)(=O)=O)cc1'],
  ['DB00908', 'Quinidine', ['C01BA01'], ['Antiarrhythmics', 'Class IA antiarrhythmics'],
    'COc1ccc2nccc([C@H](O)[C@H]3C[C@@H]4CCN3C[C@@H]4C=C)c2c1'],
  ['DB01195', 'Flecainide', ['C01BC04'], ['Antiarrhythmics', 'Class IC antiarrhythmics'],
    'FC(F)(F)COc1ccc(OCC(F)(F)F)c(c1)C(=O)NCC1CCCCN1'],
  ['DB01182', 'Propafenone', ['C01BC03'], ['Antiarrhythmics', 'Class IC antiarrhythmics'],
    'CCCNCC(O)COc1ccccc1C(=O)CCc1ccccc1'],
  ['DB00390', 'Digoxin', ['C01AA05'], ['Cardiac glycosides'],
    'CC1OC(OC2C(O)CC(OC2C)OC2C(O)CC(OC2C)OC2CCC3(C)C(C2)CCC2C3CC(O)C3(C)C(CCC23O)C2=CC(=O)OC2)CC(O)C1O'],
  ['DB00264', 'Metoprolol', ['C07AB02'], ['Beta blockers'],
    'COCCc1ccc(OCC(O)CNC(C)C)cc1'],
  ['DB00571', 'Propranolol', ['C07AA05'], ['Beta blockers'],
    'CC(C)NCC(O)COc1cccc2ccccc12'],
  ['DB00335', 'Atenolol', ['C07AB03'], ['Beta blockers'],
    'CC(C)NCC(O)COc1ccc(CC(N)=O)cc1'],
  ['DB01136', 'Carvedilol', ['C07AG02'], ['Beta blockers'],
    'COc1ccccc1OCCNCC(O)COc1cccc2[nH]c3ccccc3c12'],
  ['DB00661', 'Verapamil', ['C08DA01'], ['Calcium channel blockers', 'Antiarrhythmics'],
    'COc1ccc(CCN(C)CCCC(C#N)(C(C)C)c2ccc(OC)c(OC)c2)cc1OC'],
  ['DB00343', 'Diltiazem', ['C08DB01'], ['Calcium channel blockers'],
    'COc1ccc(cc1)[C@@H]1Sc2ccccc2N(CCN(C)C)C(=O)[C@@H]1OC(C)=O'],
  ['DB00381', 'Amlodipine', ['C08CA01'], ['Calcium channel blockers', 'Dihydropyridines'],
    'CCOC(=O)C1=C(COCCN)NC(C)=C(C1c1ccccc1Cl)C(=O)OC'],
  ['DB01115', 'Nifedipine', ['C08CA05'], ['Calcium channel blockers', 'Dihydropyridines'],
    'COC(=O)C1=C(C)NC(C)=C(C1c1ccccc1[N+](=O)[O-])C(=O)OC'],
  ['DB01023', 'Felodipine', ['C08CA02'], ['Calcium channel blockers', 'Dihydropyridines'],
    'CCOC(=O)C1=C(C)NC(C)=C(C1c1cccc(Cl)c1Cl)C(=O)OC'],
  ['DB00722', 'Lisinopril', ['C09AA03'], ['ACE inhibitors'],
    'NCCCC[C@H](N[C@@H](CCc1ccccc1)C(=O)O)C(=O)N1CCC[C@H]1C(=O)O'],
  ['DB00584', 'Enalapril', ['C09AA02'], ['ACE inhibitors'],
    'CCOC(=O)[C@H](CCc1ccccc1)N[C@@H](C)C(=O)N1CCC[C@H]1C(=O)O'],
  ['DB00678', 'Losartan', ['C09CA01'], ['Angiotensin II receptor blockers'],
    'CCCCc1nc(Cl)c(CO)n1Cc1ccc(cc1)-c1ccccc1-c1nn[nH]n1'],
  ['DB00177', 'Valsartan', ['C09CA03'], ['Angiotensin II receptor blockers'],
    'CCCCC(=O)N(Cc1ccc(cc1)-c1ccccc1-c1nn[nH]n1)[C@@H](C(C)C)C(=O)O'],
  ['DB00421', 'Spironolactone', ['C03DA01'], ['Potassium-sparing diuretics', 'Aldosterone antagonists'],
    'CC(=O)S[C@@H]1CC2=CC(=O)CC[C@]2(C)[C@H]2CC[C@@]3(C)[C@@H](CC[C@@]34CCC(=O)O4)[C@H]12'],
  ['DB00700', 'Eplerenone', ['C03DA04'], ['Potassium-sparing diuretics', 'Aldosterone antagonists'],
    'COC(=O)[C@@H]1CC2=CC(=O)CC[C@]2(C)[C@]23O[C@@H]3C[C@@]5(C)[C@@H](CC[C@@]56CCC(=O)O6)[C@H]12'],
  ['DB00594', 'Amiloride', ['C03DB01'], ['Potassium-sparing diuretics'],
    'NC(=N)NC(=O)c1nc(Cl)c(N)nc1N'],
  ['DB00384', 'Triamterene', ['C03DB02'], ['Potassium-sparing diuretics'],
    'Nc1nc(N)c2nc(-c3ccccc3)c(N)nc2n1'],
  ['DB00695', 'Furosemide', ['C03CA01'], ['Loop diuretics'],
    'NS(=O)(=O)c1cc(C(=O)O)c(NCc2ccco2)cc1Cl'],
  ['DB00999', 'Hydrochlorothiazide', ['C03AA03'], ['Thiazide diuretics'],
    'NS(=O)(=O)c1cc2c(cc1Cl)NCNS2(=O)=O'],
  ['DB00727', 'Nitroglycerin', ['C01DA02'], ['Nitrates', 'Vasodilators'],
    '[O-][N+](=O)OCC(CO[N+](=O)[O-])O[N+](=O)[O-]'],
  ['DB01020', 'Isosorbide mononitrate', ['C01DA14'], ['Nitrates', 'Vasodilators'],
    'O[C@H]1CO[C@@H]2[C@H](O[N+]([O-])=O)CO[C@H]12'],
  ['DB00203', 'Sildenafil', ['G04BE03'], ['PDE5 inhibitors'],
    'CCCc1nn(C)c2c1nc([nH]c2=O)-c1cc(ccc1OCC)S(=O)(=O)N1CCN(C)CC1'],
  ['DB00820', 'Tadalafil', ['G04BE08'], ['PDE5 inhibitors'],
    'CN1CC(=O)N2[C@@H](C1=O)CC3=C([C@H]2C4=CC5=C(C=C4)OCO5)NC6=CC=CC=C36'],
  ['DB00862', 'Vardenafil', ['G04BE09'], ['PDE5 inhibitors'],
    'CCCC1=NC(=C2N1N=C(NC2=O)C3=C(C=CC(=C3)S(=O)(=O)N4CCN(CC4)CC)OCC)C'],
  ['DB00590', 'Doxazosin', ['C02CA04'], ['Alpha blockers'],
    'COc1cc2nc(nc(N)c2cc1OC)N1CCN(CC1)C(=O)C1COc2ccccc2O1'],
  ['DB00457', 'Prazosin', ['C02CA01'], ['Alpha blockers'],
    'COc1cc2nc(nc(N)c2cc1OC)N1CCN(CC1)C(=O)c1ccco1'],
  ['DB00706', 'Tamsulosin', ['G04CA02'], ['Alpha blockers'],
    'CCOc1ccccc1OCCN[C@H](C)Cc1ccc(OC)c(c1)S(N)(=O)=O'],
  ['DB00575', 'Clonidine', ['C02AC01'], ['Centrally acting antihypertensives'],
    'Clc1cccc(Cl)c1NC1=NCCN1'],
  ['DB09083', 'Ivabradine', ['C01EB17'], ['Antianginals'],
    'CN(C[C@H]1Cc2cc(OC)c(OC)cc12)CCCN1CCc2cc(OC)c(OC)cc2CC1=O'],
  ['DB00243', 'Ranolazine', ['C01EB18'], ['Antianginals'],
    'COc1ccccc1OCC(O)CN1CCN(CC(=O)Nc2c(C)cccc2C)CC1'],
  ['DB00199', 'Erythromycin', ['J01FA01'], ['Antibacterials', 'Macrolides'],
    'CC[C@@H]1[C@@]([C@@H]([C@H](C(=O)[C@@H](C[C@@]([C@@H]([C@H]([C@@H]([C@H](C(=O)O1)C)O[C@H]2C[C@@]([C@H]([C@@H](O2)C)O)(C)OC)C)O[C@H]3[C@@H]([C@H](C[C@H](O3)C)N(C)C)O)(C)O)C)C)O)(C)O'],
  ['DB01211', 'Clarithromycin', ['J01FA09'], ['Antibacterials', 'Macrolides'],
    'CC[C@@H]1[C@@]([C@@H]([C@H](C(=O)[C@@H](C[C@@]([C@@H]([C@H]([C@@H]([C@H](C(=O)O1)C)O[C@H]2C[C@@]([C@H]([C@@H](O2)C)O)(C)OC)C)O[C@H]3[C@@H]([C@H](C[C@H](O3)C)N(C)C)O)(C)OC)C)C)O)(C)O'],
  ['DB00207', 'Azithromycin', ['J01FA10'], ['Antibacterials', 'Macrolides'],
    'CC[C@@H]1[C@@]([C@@H]([C@H](N(C[C@@H](C[C@@]([C@@H]([C@H]([C@@H]([C@H](C(=O)O1)C)O[C@H]2C[C@@]([C@H]([C@@H](O2)C)O)(C)OC)C)O[C@H]3[C@@H]([C@H](C[C@H](O3)C)N(C)C)O)(C)O)C)C)C)O)(C)O'],
  ['DB00537', 'Ciprofloxacin', ['J01MA02'], ['Antibacterials', 'Fluoroquinolones'],
    'OC(=O)c1cn(C2CC2)c2cc(N3CCNCC3)c(F)cc2c1=O'],
  ['DB01137', 'Levofloxacin', ['J01MA12'], ['Antibacterials', 'Fluoroquinolones'],
    'C[C@H]1COc2c(N3CCN(C)CC3)c(F)cc3c(=O)c(cn1c23)C(=O)O'],
  ['DB00218', 'Moxifloxacin', ['J01MA14'], ['Antibacterials', 'Fluoroquinolones'],
    'COc1c(N2C[C@@H]3CCCN[C@@H]3C2)c(F)cc2c(=O)c(cn(C3CC3)c12)C(=O)O'],
  ['DB00254', 'Doxycycline', ['J01AA02'], ['Antibacterials', 'Tetracyclines'],
    'C[C@@H]1[C@H]2[C@H](O)[C@H]3[C@H](N(C)C)C(O)=C(C(N)=O)C(=O)[C@@]3(O)C(O)=C2C(=O)c2c(O)cccc12'],
  ['DB00759', 'Tetracycline', ['J01AA07'], ['Antibacterials', 'Tetracyclines'],
    'C[C@]1(O)[C@H]2C[C@H]3[C@H](N(C)C)C(O)=C(C(N)=O)C(=O)[C@@]3(O)C(O)=C2C(=O)c2c(O)cccc12'],
  ['DB00440', 'Trimethoprim', ['J01EA01'], ['Antibacterials'],
    'COc1cc(Cc2cnc(N)nc2N)cc(OC)c1OC'],
  ['DB01015', 'Sulfamethoxazole', ['J01EC01'], ['Antibacterials', 'Sulfonamides'],
    'Cc1cc(NS(=O)(=O)c2ccc(N)cc2)no1'],
  ['DB00916', 'Metronidazole', ['J01XD01', 'P01AB01'], ['Antibacterials', 'Antiprotozoals'],
    'Cc1ncc(n1CCO)[N+](=O)[O-]'],
  ['DB01045', 'Rifampicin', ['J04AB02'], ['Antibacterials', 'Antimycobacterials'],
    'CC1C=CC=C(C(=O)NC2=C(C(=C3C(=C2O)C(=C(C4=C3C(=O)C(O4)(OC=CC(C(C(C(C(C(C1O)C)O)C)OC(=O)C)C)OC)C)C)O)O)C=NN5CCN(CC5)C)C'],
  ['DB01026', 'Ketoconazole', ['J02AB02'], ['Antifungals', 'Azole antifungals'],
    'CC(=O)N1CCN(CC1)c1ccc(OCC2COC(Cn3ccnc3)(O2)c2ccc(Cl)cc2Cl)cc1'],
  ['DB01167', 'Itraconazole', ['J02AC02'], ['Antifungals', 'Azole antifungals'],
    'CCC(C)n1ncn(-c2ccc(cc2)N2CCN(CC2)c2ccc(OC[C@H]3CO[C@@](Cn4cncn4)(O3)c3ccc(Cl)cc3Cl)cc2)c1=O'],
  ['DB00196', 'Fluconazole', ['J02AC01'], ['Antifungals', 'Azole antifungals'],
    'OC(Cn1cncn1)(Cn1cncn1)c1ccc(F)cc1F'],
  ['DB00582', 'Voriconazole', ['J02AC03'], ['Antifungals', 'Azole antifungals'],
    'C[C@@H](c1ncncc1F)[C@](O)(Cn1cncn1)c1ccc(F)cc1F'],
  ['DB00857', 'Terbinafine', ['D01BA02'], ['Antifungals'],
    'CN(C/C=C/C#CC(C)(C)C)Cc1cccc2ccccc12'],
  ['DB00503', 'Ritonavir', ['J05AE03'], ['Antivirals', 'HIV protease inhibitors'],
    'CC(C)[C@H](NC(=O)N(C)Cc1csc(n1)C(C)C)C(=O)N[C@H](C[C@H](O)[C@H](Cc1ccccc1)NC(=O)OCc1cncs1)Cc1ccccc1'],
  ['DB00625', 'Efavirenz', ['J05AG03'], ['Antivirals', 'NNRTIs'],
    'FC(F)(F)[C@]1(OC(=O)Nc2ccc(Cl)cc12)C#CC1CC1'],
  ['DB08930', 'Dolutegravir', ['J05AJ03'], ['Antivirals', 'Integrase inhibitors'],
    'C[C@@H]1CCO[C@H]2Cn3cc(C(=O)NCc4ccc(F)cc4F)c(=O)c(O)c3C(=O)N12'],
  ['DB01611', 'Hydroxychloroquine', ['P01BA02'], ['Antimalarials', 'Antirheumatic agents'],
    'CCN(CCO)CCCC(C)Nc1ccnc2cc(Cl)ccc12'],
  ['DB01394', 'Colchicine', ['M04AC01'], ['Antigout agents'],
    'COc1cc2CC[C@H](NC(C)=O)C3=CC(=O)C(OC)=CC=C3c2c(OC)c1OC'],
  ['DB00091', 'Cyclosporine', ['L04AD01'], ['Immunosuppressants', 'Calcineurin inhibitors'],
    'CCC1C(=O)N(CC(=O)N(C(C(=O)NC(C(=O)N(C(C(=O)NC(C(=O)NC(C(=O)N(C(C(=O)N(C(C(=O)N(C(C(=O)N(C(C(=O)N1)C(C(C)CC=CC)O)C)C(C)C)C)CC(C)C)C)CC(C)C)C)C)C)CC(C)C)C)C(C)C)CC(C)C)C)C'],
  ['DB00563', 'Methotrexate', ['L01BA01', 'L04AX03'], ['Antineoplastic agents', 'Immunosuppressants'],
    'CN(Cc1cnc2nc(N)nc(N)c2n1)c1ccc(cc1)C(=O)N[C@@H](CCC(=O)O)C(=O)O'],
  ['DB00675', 'Tamoxifen', ['L02BA01'], ['Antineoplastic agents', 'Antiestrogens'],
    'CC/C(=C(\\c1ccccc1)c1ccc(OCCN(C)C)cc1)c1ccccc1'],
  ['DB09053', 'Ibrutinib', ['L01EL01'], ['Antineoplastic agents', 'Kinase inhibitors'],
    'C=CC(=O)N1CCC[C@H](C1)n1nc(-c2ccc(Oc3ccccc3)cc2)c2c(N)ncnc12'],
  ['DB00277', 'Theophylline', ['R03DA04'], ['Bronchodilators', 'Xanthines'],
    'Cn1c2nc[nH]c2c(=O)n(C)c1=O'],
  ['DB00471', 'Montelukast', ['R03DC03'], ['Antiasthmatics', 'Leukotriene receptor antagonists'],
    'CC(C)(O)c1ccccc1CC[C@@H](SCC1(CC(=O)O)CC1)c1cccc(\\C=C\\c2ccc3ccc(Cl)cc3n2)c1'],
  ['DB00938', 'Salmeterol', ['R03AC12'], ['Bronchodilators', 'Beta-2 agonists'],
    'OCc1cc(ccc1O)C(O)CNCCCCCCOCCCCc1ccccc1'],
  ['DB00588', 'Fluticasone propionate', ['R03BA05'], ['Corticosteroids', 'Inhaled corticosteroids'],
    'CCC(=O)O[C@@]1([C@H](C)C[C@H]2[C@@H]3C[C@H](F)C4=CC(=O)C=C[C@]4(C)[C@@]3(F)[C@@H](O)C[C@@]21C)C(=O)SCF'],
  ['DB00697', 'Tizanidine', ['M03BX02'], ['Muscle relaxants'],
    'Clc1ccc2nsnc2c1NC1=NCCN1'],
  ['DB00338', 'Omeprazole', ['A02BC01'], ['Proton pump inhibitors'],
    'COc1ccc2[nH]c(nc2c1)S(=O)Cc1ncc(C)c(OC)c1C'],
  ['DB00501', 'Cimetidine', ['A02BA01'], ['H2 receptor antagonists'],
    'CN/C(=N/C#N)NCCSCc1nc[nH]c1C'],
  ['DB00331', 'Metformin', ['A10BA02'], ['Antidiabetics', 'Biguanides'],
    'CN(C)C(=N)N=C(N)N'],
  ['DB01067', 'Glipizide', ['A10BB07'], ['Antidiabetics', 'Sulfonylureas'],
    'Cc1cnc(cn1)C(=O)NCCc1ccc(cc1)S(=O)(=O)NC(=O)NC1CCCCC1'],
  ['DB01016', 'Glyburide', ['A10BB01'], ['Antidiabetics', 'Sulfonylureas'],
    'COc1ccc(Cl)cc1C(=O)NCCc1ccc(cc1)S(=O)(=O)NC(=O)NC1CCCCC1'],
  ['DB00222', 'Glimepiride', ['A10BB12'], ['Antidiabetics', 'Sulfonylureas'],
    'CCC1=C(C)CN(C(=O)NCCc2ccc(cc2)S(=O)(=O)NC(=O)N[C@H]2CC[C@H](C)CC2)C1=O'],
  ['DB00912', 'Repaglinide', ['A10BX02'], ['Antidiabetics', 'Meglitinides'],
    'CCOc1cc(CC(=O)N[C@@H](CC(C)C)c2ccccc2N2CCCCC2)ccc1C(=O)O'],
  ['DB01132', 'Pioglitazone', ['A10BG03'], ['Antidiabetics', 'Thiazolidinediones'],
    'CCc1ccc(CCOc2ccc(CC3SC(=O)NC3=O)cc2)nc1'],
  ['DB00451', 'Levothyroxine', ['H03AA01'], ['Thyroid hormones'],
    'N[C@@H](Cc1cc(I)c(Oc2cc(I)c(O)c(I)c2)c(I)c1)C(=O)O'],
  ['DB01012', 'Cinacalcet', ['H05BX01'], ['Calcimimetics'],
    'C[C@@H](NCCCc1cccc(c1)C(F)(F)F)c1cccc2ccccc12'],
  ['DB00630', 'Alendronic acid', ['M05BA04'], ['Bisphosphonates'],
    'NCCCC(O)(P(=O)(O)O)P(=O)(O)O'],
  ['DB06724', 'Calcium carbonate', ['A12AA04', 'A02AC01'], ['Mineral supplements', 'Antacids'],
    '[Ca+2].[O-]C([O-])=O'],
  ['DB13257', 'Ferrous sulfate anhydrous', ['B03AA07'], ['Iron preparations'],
    '[Fe+2].[O-]S([O-])(=O)=O'],
  ['DB09104', 'Magnesium hydroxide', ['A02AA04'], ['Antacids'],
    '[OH-].[OH-].[Mg+2]'],
  ['DB06723', 'Aluminum hydroxide', ['A02AB01'], ['Antacids'],
    '[OH-].[OH-].[OH-].[Al+3]'],
  ['DB00761', 'Potassium chloride', ['A12BA01'], ['Mineral supplements', 'Potassium supplements'],
    '[K+].[Cl-]'],
  ['DB00977', 'Ethinylestradiol', ['G03CA01'], ['Estrogens', 'Hormonal contraceptives'],
    'C[C@]12CC[C@H]3[C@@H](CCc4cc(O)ccc34)[C@@H]1CC[C@@]2(O)C#C'],
];

// ---------------------------------------------------------------------------------------
// Drug classes used by the class rules (names as in DRUGS).
// ---------------------------------------------------------------------------------------
const G = {
  // CYP3A4 (Flockhart table; "strong"/"moderate" as in FDA DDI guidance examples). Itraconazole
  // and voriconazole are strong inhibitors too; to keep the graph small they get explicit pairs.
  STRONG_3A4_INHIBITORS: ['Clarithromycin', 'Ketoconazole', 'Ritonavir'],
  MODERATE_3A4_INHIBITORS: ['Erythromycin', 'Diltiazem', 'Verapamil', 'Fluconazole'],
  // Substrates whose labels contraindicate, limit the dose or advise avoiding strong CYP3A4 inhibitors
  SENSITIVE_3A4_SUBSTRATES: [
    'Simvastatin', 'Atorvastatin', 'Midazolam', 'Colchicine', 'Sildenafil', 'Tadalafil',
    'Vardenafil', 'Fentanyl', 'Oxycodone', 'Quetiapine', 'Pimozide', 'Cisapride', 'Domperidone',
    'Ibrutinib', 'Ticagrelor', 'Apixaban', 'Rivaroxaban', 'Ivabradine', 'Ranolazine', 'Eplerenone',
    'Fluticasone propionate',
  ],
  // Substrates with label warnings for moderate CYP3A4 inhibitors too
  NARROW_3A4_SUBSTRATES: ['Simvastatin', 'Midazolam', 'Colchicine', 'Cyclosporine'],
  STRONG_INDUCERS: ['Rifampicin', 'Carbamazepine', 'Phenytoin', 'Phenobarbital'],
  // Labels advise avoiding strong inducers / raising the dose / alternative contraception
  INDUCER_VICTIMS: [
    'Warfarin', 'Apixaban', 'Rivaroxaban', 'Ticagrelor', 'Ethinylestradiol', 'Cyclosporine',
    'Quetiapine', 'Voriconazole', 'Lamotrigine',
  ],
  STRONG_2D6_INHIBITORS: ['Fluoxetine', 'Paroxetine', 'Bupropion', 'Quinidine'],
  CYP2D6_SUBSTRATES: [
    'Metoprolol', 'Codeine', 'Tramadol', 'Tamoxifen', 'Amitriptyline', 'Nortriptyline', 'Imipramine',
    'Risperidone', 'Aripiprazole', 'Flecainide', 'Propafenone', 'Dextromethorphan', 'Atomoxetine',
    'Thioridazine', ],
  CYP1A2_INHIBITORS: ['Fluvoxamine', 'Ciprofloxacin'],
  CYP1A2_SUBSTRATES: ['Tizanidine', 'Theophylline', 'Caffeine', 'Clozapine', 'Olanzapine', 'Duloxetine', 'Ramelteon'],
  // QT: drugs whose labels contraindicate any other QT-prolonging drug (class IA/III
  // antiarrhythmics, pimozide, thioridazine, ziprasidone) ...
  QT_HIGH_RISK: ['Amiodarone', 'Sotalol', 'Dofetilide', 'Dronedarone', 'Quinidine', 'Pimozide', 'Thioridazine', 'Ziprasidone'],
  // ... and other drugs with known risk of torsades de pointes (CredibleMeds "known risk")
  QT_KNOWN_RISK: [
    'Citalopram', 'Escitalopram', 'Haloperidol', 'Methadone', 'Ondansetron', 'Domperidone',
    'Erythromycin', 'Azithromycin', 'Moxifloxacin', 'Hydroxychloroquine', ],
  MAO_INHIBITORS: ['Phenelzine', 'Selegiline', 'Linezolid'],
  SEROTONERGIC_WITH_MAOI: [
    'Fluoxetine', 'Sertraline', 'Paroxetine', 'Citalopram', 'Escitalopram', 'Fluvoxamine', 'Venlafaxine',
    'Duloxetine', 'Clomipramine', 'Mirtazapine', 'Trazodone', 'Tramadol', 'Methadone',
    'Dextromethorphan', 'Sumatriptan', 'Rizatriptan',
  ],
  SRI: ['Fluoxetine', 'Sertraline', 'Paroxetine', 'Citalopram', 'Escitalopram', 'Fluvoxamine', 'Venlafaxine', 'Duloxetine'],
  SEROTONERGIC_WITH_SRI: ['Tramadol', 'Sumatriptan', 'Rizatriptan', 'Lithium carbonate'],
  ANTICOAGULANTS: ['Warfarin', 'Apixaban', 'Rivaroxaban', 'Dabigatran etexilate'],
  ANTIPLATELETS: ['Acetylsalicylic acid', 'Clopidogrel', 'Prasugrel', 'Ticagrelor'],
  NSAIDS: ['Ibuprofen', 'Naproxen', 'Diclofenac', 'Celecoxib', 'Indomethacin'],
  NSAIDS_NONSELECTIVE: ['Ibuprofen', 'Naproxen', 'Diclofenac'],
  SSRI_SNRI_BLEEDING: ['Fluoxetine', 'Sertraline', 'Citalopram', 'Venlafaxine'],
  OPIOIDS: ['Morphine', 'Oxycodone', 'Codeine', 'Fentanyl', 'Tramadol', 'Methadone', 'Buprenorphine'],
  SEDATIVES: ['Diazepam', 'Alprazolam', 'Lorazepam', 'Clonazepam', 'Zolpidem', 'Gabapentin', 'Pregabalin'],
  ACE_INHIBITORS: ['Lisinopril', 'Enalapril'],
  ARBS: ['Losartan', 'Valsartan'],
  RAAS_BLOCKERS: ['Lisinopril', 'Enalapril', 'Losartan', 'Valsartan'],
  POTASSIUM_RAISING: ['Spironolactone', 'Eplerenone', 'Amiloride', 'Triamterene', 'Potassium chloride', 'Trimethoprim'],
  POTASSIUM_SPARING: ['Spironolactone', 'Eplerenone', 'Amiloride', 'Triamterene'],
  PDE5_INHIBITORS: ['Sildenafil', 'Tadalafil', 'Vardenafil'],
  NITRATES: ['Nitroglycerin', 'Isosorbide mononitrate'],
  ALPHA_BLOCKERS: ['Doxazosin', 'Prazosin', 'Tamsulosin'],
  DIURETICS_LOOP_THIAZIDE: ['Furosemide', 'Hydrochlorothiazide'],
  BETA_BLOCKERS: ['Metoprolol', 'Propranolol', 'Atenolol', 'Carvedilol', 'Sotalol'],
  RATE_SLOWING: ['Verapamil', 'Diltiazem', 'Digoxin', 'Amiodarone', 'Clonidine', 'Ivabradine'],
  NSAID_RENAL_PARTNERS: [
    'Lisinopril', 'Enalapril', 'Losartan', 'Valsartan', 'Furosemide', 'Hydrochlorothiazide', 'Lithium carbonate', 'Methotrexate',
  ],
  CHELATED: [
    'Doxycycline', 'Tetracycline', 'Ciprofloxacin', 'Levofloxacin', 'Moxifloxacin',
    'Levothyroxine', 'Alendronic acid', 'Dolutegravir',
  ],
  POLYVALENT_CATIONS: ['Calcium carbonate', 'Ferrous sulfate anhydrous', 'Magnesium hydroxide', 'Aluminum hydroxide'],
};

// ---------------------------------------------------------------------------------------
// Notes. PK notes name the consequence for the affected drug where it is well known.
// ---------------------------------------------------------------------------------------
const CONSEQUENCE = {
  Simvastatin: 'myopathy and rhabdomyolysis',
  Atorvastatin: 'myopathy and rhabdomyolysis', Rosuvastatin: 'myopathy and rhabdomyolysis',
  Pravastatin: 'myopathy and rhabdomyolysis',
  Midazolam: 'prolonged sedation', Alprazolam: 'excessive sedation', Zolpidem: 'excessive sedation',
  Buspirone: 'dose-related adverse effects', Diazepam: 'prolonged sedation',
  Colchicine: 'colchicine toxicity', Cyclosporine: 'nephrotoxicity', Digoxin: 'digoxin toxicity',
  Fentanyl: 'respiratory depression', Oxycodone: 'respiratory depression', Methadone: 'respiratory depression',
  Sildenafil: 'hypotension', Tadalafil: 'hypotension', Vardenafil: 'hypotension',
  Pimozide: 'QT prolongation and torsades de pointes', Cisapride: 'QT prolongation and torsades de pointes',
  Domperidone: 'QT prolongation', Quinidine: 'QT prolongation', Thioridazine: 'QT prolongation and torsades de pointes',
  Dofetilide: 'QT prolongation and torsades de pointes', Ranolazine: 'QT prolongation',
  Quetiapine: 'dose-related adverse effects', Aripiprazole: 'dose-related adverse effects',
  Risperidone: 'dose-related adverse effects', Clozapine: 'dose-related toxicity (seizures, sedation)',
  Olanzapine: 'dose-related adverse effects', Trazodone: 'sedation and hypotension',
  Ibrutinib: 'bleeding and other toxicity', Ticagrelor: 'bleeding', Apixaban: 'bleeding', Rivaroxaban: 'bleeding',
  'Dabigatran etexilate': 'bleeding', Warfarin: 'bleeding',
  Ivabradine: 'bradycardia', Eplerenone: 'hyperkalaemia', Salmeterol: 'cardiovascular adverse effects',
  'Fluticasone propionate': 'Cushing syndrome and adrenal suppression',
  Felodipine: 'hypotension and oedema', Amlodipine: 'hypotension and oedema',
  Tizanidine: 'hypotension and excessive sedation', Theophylline: 'theophylline toxicity', Caffeine: 'caffeine adverse effects',
  Ramelteon: 'excessive sedation', Duloxetine: 'dose-related adverse effects',
  Glipizide: 'hypoglycaemia', Glyburide: 'hypoglycaemia', Glimepiride: 'hypoglycaemia', Repaglinide: 'hypoglycaemia',
  Pioglitazone: 'dose-related adverse effects (fluid retention)',
  Phenytoin: 'phenytoin toxicity', Carbamazepine: 'carbamazepine toxicity',
  Metoprolol: 'bradycardia and hypotension', Carvedilol: 'bradycardia and hypotension', Propranolol: 'bradycardia and hypotension',
  Flecainide: 'proarrhythmia', Propafenone: 'proarrhythmia',
  Amitriptyline: 'tricyclic toxicity', Nortriptyline: 'tricyclic toxicity', Imipramine: 'tricyclic toxicity',
  Clomipramine: 'tricyclic toxicity', Atomoxetine: 'dose-related adverse effects',
  Dextromethorphan: 'dose-related adverse effects',
  Metformin: 'metformin adverse effects (lactic acidosis)', Montelukast: 'dose-related adverse effects',
  Celecoxib: 'NSAID adverse effects', Diclofenac: 'NSAID adverse effects', Ibuprofen: 'NSAID adverse effects',
  Losartan: 'reduced formation of its active metabolite', Citalopram: 'QT prolongation', Escitalopram: 'QT prolongation',
  Omeprazole: 'dose-related adverse effects',
  Donepezil: 'cholinergic adverse effects',
};
// Prodrugs whose activation depends on the inhibited enzyme.
const PRODRUG = {
  CYP2D6: { Codeine: 'morphine', Tramadol: 'O-desmethyltramadol', Tamoxifen: 'endoxifen' },
  CYP2C19: { Clopidogrel: 'its active thiol metabolite' },
  CYP2C9: { Losartan: 'its active metabolite E-3174' },
};
// Drug names inside sentences are written in lower case; notes start with a capital.
const n = (name) => name.toLowerCase();
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const risk = (b) => (CONSEQUENCE[b] ? `, with a risk of ${CONSEQUENCE[b]}` : '');
const lose = {
  Ethinylestradiol: 'contraceptive failure', Warfarin: 'loss of anticoagulant control', Apixaban: 'thrombosis',
  Rivaroxaban: 'thrombosis', 'Dabigatran etexilate': 'thrombosis', Ticagrelor: 'loss of antiplatelet effect',
  Cyclosporine: 'transplant rejection', Methadone: 'opioid withdrawal', Oxycodone: 'loss of analgesia',
  Voriconazole: 'antifungal treatment failure', Itraconazole: 'antifungal treatment failure',
  Fluconazole: 'antifungal treatment failure', Dolutegravir: 'virological failure', Lamotrigine: 'loss of seizure control',
  'Valproic acid': 'loss of seizure control', Topiramate: 'loss of seizure control', Levothyroxine: 'hypothyroidism',
  Digoxin: 'loss of rate control', Doxycycline: 'antibacterial failure', Clarithromycin: 'antibacterial failure',
};
const loss = (b) => `, risking ${lose[b] ?? 'loss of efficacy'}`;

const NOTE = {
  [TYPES.CYP3A4_INH]: (a, b) => `${n(a)} inhibits CYP3A4 and raises ${n(b)} concentrations${risk(b)}.`,
  [TYPES.INDUCTION]: (a, b) => `${n(a)} induces drug-metabolising enzymes and transporters and lowers ${n(b)} concentrations${loss(b)}.`,
  [TYPES.CYP2D6_INH]: (a, b) => PRODRUG.CYP2D6[b]
    ? `${n(a)} inhibits CYP2D6 and reduces conversion of ${n(b)} to ${PRODRUG.CYP2D6[b]}, lowering its effect.`
    : `${n(a)} inhibits CYP2D6 and raises ${n(b)} concentrations${risk(b)}.`,
  [TYPES.CYP2C_INH]: (a, b) => PRODRUG.CYP2C19[b]
    ? `${n(a)} inhibits CYP2C19 and reduces activation of ${n(b)} to ${PRODRUG.CYP2C19[b]}, weakening its antiplatelet effect.`
    : PRODRUG.CYP2C9[b]
      ? `${n(a)} inhibits CYP2C9 and reduces conversion of ${n(b)} to ${PRODRUG.CYP2C9[b]}.`
      : `${n(a)} inhibits CYP2C-mediated metabolism of ${n(b)} and raises its concentrations${risk(b)}.`,
  [TYPES.CYP1A2_INH]: (a, b) => `${n(a)} inhibits CYP1A2 and raises ${n(b)} concentrations${risk(b)}.`,
  [TYPES.TRANSPORTER]: (a, b) => `${n(a)} inhibits the transport and elimination of ${n(b)} and raises its concentrations${risk(b)}.`,
  [TYPES.QT]: (a, b) => `${n(a)} and ${n(b)} both prolong the QT interval; together they raise the risk of torsades de pointes.`,
  [TYPES.SEROTONIN]: (a, b) => `${n(a)} and ${n(b)} both increase serotonergic activity; together they can cause serotonin syndrome.`,
  [TYPES.BLEEDING]: (a, b) => `${n(a)} and ${n(b)} both impair haemostasis; together they increase the risk of bleeding.`,
  [TYPES.CNS]: (a, b) => `${n(a)} and ${n(b)} are both CNS depressants; together they can cause profound sedation and respiratory depression.`,
  [TYPES.HYPERK]: (a, b) => `${n(a)} and ${n(b)} both raise serum potassium; together they can cause hyperkalaemia.`,
  [TYPES.HYPOTENSION]: (a, b) => `${n(a)} and ${n(b)} both lower blood pressure; together they can cause marked hypotension.`,
  [TYPES.BRADY]: (a, b) => `${n(a)} and ${n(b)} both slow heart rate or AV conduction; together they can cause bradycardia or heart block.`,
  [TYPES.RENAL]: (a, b) => `${n(a)} reduces renal function or renal elimination of ${n(b)}, raising its levels or the risk of kidney injury.`,
  [TYPES.CHELATION]: (a, b) => `${n(a)} binds ${n(b)} in the gut and reduces its absorption; doses should be separated.`,
};

// ---------------------------------------------------------------------------------------
// Class rules, applied in this order after the explicit pairs. `a`/`b` are class names;
// `b` omitted = all pairs within class `a`. `except` lists pairs the rule must not emit.
// ---------------------------------------------------------------------------------------
const RULES = [
  { type: TYPES.INDUCTION, a: 'STRONG_INDUCERS', b: 'INDUCER_VICTIMS' },
  { type: TYPES.CYP3A4_INH, a: 'STRONG_3A4_INHIBITORS', b: 'SENSITIVE_3A4_SUBSTRATES' },
  { type: TYPES.CYP3A4_INH, a: 'MODERATE_3A4_INHIBITORS', b: 'NARROW_3A4_SUBSTRATES' },
  { type: TYPES.CYP2D6_INH, a: 'STRONG_2D6_INHIBITORS', b: 'CYP2D6_SUBSTRATES' },
  { type: TYPES.CYP1A2_INH, a: 'CYP1A2_INHIBITORS', b: 'CYP1A2_SUBSTRATES' },
  { type: TYPES.QT, a: 'QT_HIGH_RISK' },
  { type: TYPES.QT, a: 'QT_HIGH_RISK', b: 'QT_KNOWN_RISK' },
  {
    type: TYPES.SEROTONIN, a: 'MAO_INHIBITORS', b: 'SEROTONERGIC_WITH_MAOI',
    note: (a, b) => `${n(a)} inhibits monoamine oxidase; combined with ${n(b)} it can cause serotonin syndrome, so the combination should be avoided.`,
    // oral selegiline is MAO-B selective; triptan labels contraindicate MAO-A inhibitors
    except: [['Selegiline', 'Sumatriptan'], ['Selegiline', 'Rizatriptan']],
  },
  { type: TYPES.SEROTONIN, a: 'SRI', b: 'SEROTONERGIC_WITH_SRI' },
  { type: TYPES.BRADY, a: 'BETA_BLOCKERS', b: 'RATE_SLOWING' },
  {
    type: TYPES.HYPOTENSION, a: 'PDE5_INHIBITORS', b: 'NITRATES',
    note: (a, b) => `${n(a)} potentiates the vasodilator effect of ${n(b)} (cGMP); the combination can cause severe hypotension and is contraindicated.`,
  },
  {
    type: TYPES.HYPOTENSION, a: 'PDE5_INHIBITORS', b: 'ALPHA_BLOCKERS',
    note: (a, b) => `${n(a)} and ${n(b)} are both vasodilators; together they can cause symptomatic (postural) hypotension.`,
  },
  {
    type: TYPES.HYPOTENSION, a: 'ACE_INHIBITORS', b: 'DIURETICS_LOOP_THIAZIDE',
    note: (a, b) => `${n(a)} can cause marked first-dose hypotension in patients volume-depleted by ${n(b)}.`,
  },
  { type: TYPES.CNS, a: 'OPIOIDS', b: 'SEDATIVES' },
  {
    type: TYPES.BLEEDING, a: 'ANTICOAGULANTS', b: 'ANTIPLATELETS',
    note: (a, b) => `${n(a)} (anticoagulant) and ${n(b)} (antiplatelet) have additive effects on haemostasis, increasing bleeding risk.`,
  },
  {
    type: TYPES.BLEEDING, a: 'ANTICOAGULANTS', b: 'NSAIDS',
    note: (a, b) => `${n(b)} adds antiplatelet and gastrointestinal mucosal effects to anticoagulation with ${n(a)}, increasing bleeding risk.`,
  },
  {
    type: TYPES.BLEEDING, a: 'ANTIPLATELETS', b: 'NSAIDS',
    note: (a, b) => `${n(a)} and ${n(b)} both inhibit platelet function and injure the gastric mucosa, increasing gastrointestinal bleeding risk.`,
  },
  {
    type: TYPES.BLEEDING, a: 'ANTIPLATELETS',
    note: (a, b) => `${n(a)} and ${n(b)} both inhibit platelet function; combined antiplatelet therapy increases bleeding risk.`,
  },
  {
    type: TYPES.BLEEDING, a: 'SSRI_SNRI_BLEEDING', b: 'NSAIDS_NONSELECTIVE',
    note: (a, b) => `${n(a)} depletes platelet serotonin; with ${n(b)} the risk of upper gastrointestinal bleeding is increased.`,
  },
  {
    type: TYPES.BLEEDING, a: 'SRI', b: ['Warfarin'],
    note: (a, b) => `${n(a)} impairs platelet serotonin uptake; with ${n(b)} bleeding risk is increased even when the INR is stable.`,
  },
  { type: TYPES.HYPERK, a: 'RAAS_BLOCKERS', b: 'POTASSIUM_RAISING' },
  {
    type: TYPES.HYPERK, a: 'ACE_INHIBITORS', b: 'ARBS',
    note: (a, b) => `Dual renin-angiotensin blockade with ${n(a)} and ${n(b)} increases the risk of hyperkalaemia, hypotension and renal impairment.`,
  },
  { type: TYPES.HYPERK, a: 'POTASSIUM_SPARING', b: ['Potassium chloride'] },
  {
    type: TYPES.RENAL, a: 'NSAIDS', b: 'NSAID_RENAL_PARTNERS',
    note: (a, b) => ({
      'Lithium carbonate': `${n(a)} reduces renal lithium clearance and can cause lithium toxicity.`,
      Methotrexate: `${n(a)} reduces renal methotrexate clearance, increasing methotrexate toxicity.`,
    })[b] ?? `${n(a)} inhibits renal prostaglandins; with ${n(b)} it blunts the antihypertensive/diuretic effect and can cause acute kidney injury.`,
  },
  {
    type: TYPES.RENAL, a: 'RAAS_BLOCKERS', b: ['Lithium carbonate'],
    note: (a, b) => `${n(a)} reduces renal sodium and lithium handling, raising ${n(b)} levels and the risk of lithium toxicity.`,
  },
  { type: TYPES.CHELATION, a: 'POLYVALENT_CATIONS', b: 'CHELATED' },
];

// ---------------------------------------------------------------------------------------
// Explicit pairs: [type, a (perpetrator where directional), b, optional note].
// ---------------------------------------------------------------------------------------
const T = TYPES;
const EXPLICIT = [
  // --- CYP3A4 inhibition (labels / Flockhart) ---
  [T.CYP3A4_INH, 'Voriconazole', 'Pimozide'],
  [T.CYP3A4_INH, 'Voriconazole', 'Midazolam'],
  [T.CYP3A4_INH, 'Voriconazole', 'Cyclosporine'],
  [T.CYP3A4_INH, 'Itraconazole', 'Simvastatin'],
  [T.CYP3A4_INH, 'Itraconazole', 'Midazolam'],
  [T.CYP3A4_INH, 'Itraconazole', 'Colchicine'],
  [T.CYP3A4_INH, 'Itraconazole', 'Pimozide'],
  [T.CYP3A4_INH, 'Itraconazole', 'Ivabradine'],
  [T.CYP3A4_INH, 'Clarithromycin', 'Cyclosporine'],
  [T.CYP3A4_INH, 'Ketoconazole', 'Cyclosporine'],
  [T.CYP3A4_INH, 'Itraconazole', 'Cyclosporine'],
  [T.CYP3A4_INH, 'Ritonavir', 'Cyclosporine'],
  [T.CYP3A4_INH, 'Ketoconazole', 'Alprazolam'],
  [T.CYP3A4_INH, 'Itraconazole', 'Alprazolam'],
  [T.CYP3A4_INH, 'Fluvoxamine', 'Alprazolam'],
  [T.CYP3A4_INH, 'Ketoconazole', 'Aripiprazole'],
  [T.CYP3A4_INH, 'Itraconazole', 'Aripiprazole'],
  [T.CYP3A4_INH, 'Ketoconazole', 'Salmeterol'],
  [T.CYP3A4_INH, 'Ritonavir', 'Salmeterol'],
  [T.CYP3A4_INH, 'Itraconazole', 'Felodipine'],
  [T.CYP3A4_INH, 'Erythromycin', 'Felodipine'],
  [T.CYP3A4_INH, 'Amlodipine', 'Simvastatin', 'Amlodipine weakly inhibits CYP3A4 and raises simvastatin exposure; the simvastatin dose is limited to 20 mg.'],
  [T.CYP3A4_INH, 'Amiodarone', 'Simvastatin', 'Amiodarone inhibits CYP3A4 and raises simvastatin exposure; the simvastatin dose is limited to 20 mg (myopathy risk).'],
  [T.CYP3A4_INH, 'Dronedarone', 'Simvastatin'],
  [T.CYP3A4_INH, 'Ranolazine', 'Simvastatin', 'Ranolazine inhibits CYP3A4 and raises simvastatin exposure; the simvastatin dose is limited to 20 mg.'],
  [T.CYP3A4_INH, 'Ticagrelor', 'Simvastatin'],
  [T.CYP3A4_INH, 'Diltiazem', 'Ivabradine', 'Diltiazem inhibits CYP3A4 and raises ivabradine exposure while adding to its heart-rate lowering; the combination is to be avoided.'],
  [T.CYP3A4_INH, 'Verapamil', 'Ivabradine', 'Verapamil inhibits CYP3A4 and raises ivabradine exposure while adding to its heart-rate lowering; the combination is to be avoided.'],
  [T.CYP3A4_INH, 'Diltiazem', 'Ranolazine'],
  [T.CYP3A4_INH, 'Verapamil', 'Ranolazine'],
  [T.CYP3A4_INH, 'Erythromycin', 'Carbamazepine'],
  [T.CYP3A4_INH, 'Clarithromycin', 'Carbamazepine'],
  [T.CYP3A4_INH, 'Diltiazem', 'Carbamazepine'],
  [T.CYP3A4_INH, 'Verapamil', 'Carbamazepine'],
  [T.CYP3A4_INH, 'Erythromycin', 'Buspirone'],
  [T.CYP3A4_INH, 'Itraconazole', 'Buspirone'],
  [T.CYP3A4_INH, 'Ketoconazole', 'Trazodone'],
  [T.CYP3A4_INH, 'Ritonavir', 'Trazodone'],
  [T.CYP3A4_INH, 'Ketoconazole', 'Zolpidem'],
  [T.CYP3A4_INH, 'Ketoconazole', 'Donepezil'],
  [T.CYP3A4_INH, 'Erythromycin', 'Theophylline'],
  [T.CYP3A4_INH, 'Clarithromycin', 'Theophylline'],
  [T.CYP3A4_INH, 'Clarithromycin', 'Repaglinide'],
  [T.CYP3A4_INH, 'Itraconazole', 'Repaglinide'],
  [T.CYP3A4_INH, 'Erythromycin', 'Cisapride'],
  [T.CYP3A4_INH, 'Fluconazole', 'Cisapride'],
  [T.CYP3A4_INH, 'Ritonavir', 'Clarithromycin', 'Ritonavir inhibits CYP3A4 and raises clarithromycin concentrations; the clarithromycin dose is reduced in renal impairment.'],

  // --- Enzyme induction ---
  [T.INDUCTION, 'Phenytoin', 'Warfarin', 'Phenytoin induces CYP2C9/3A4 and lowers warfarin effect over time, although the INR may rise transiently at the start; monitor the INR.'],
  [T.INDUCTION, 'Rifampicin', 'Dabigatran etexilate', 'Rifampicin induces P-glycoprotein and lowers dabigatran exposure, risking thrombosis; the combination should be avoided.'],
  [T.INDUCTION, 'Rifampicin', 'Digoxin', 'Rifampicin induces intestinal P-glycoprotein and lowers digoxin concentrations.'],
  [T.INDUCTION, 'Rifampicin', 'Clarithromycin'],
  [T.INDUCTION, 'Rifampicin', 'Tamoxifen'],
  [T.INDUCTION, 'Rifampicin', 'Simvastatin'],
  [T.INDUCTION, 'Rifampicin', 'Midazolam'],
  [T.INDUCTION, 'Rifampicin', 'Fluconazole'],
  [T.INDUCTION, 'Rifampicin', 'Itraconazole'],
  [T.INDUCTION, 'Rifampicin', 'Dolutegravir'],
  [T.INDUCTION, 'Rifampicin', 'Methadone'],
  [T.INDUCTION, 'Rifampicin', 'Oxycodone'],
  [T.INDUCTION, 'Rifampicin', 'Glyburide'],
  [T.INDUCTION, 'Rifampicin', 'Pioglitazone', 'Rifampicin induces CYP2C8 and lowers pioglitazone exposure, risking loss of glycaemic control.'],
  [T.INDUCTION, 'Rifampicin', 'Levothyroxine'],
  [T.INDUCTION, 'Rifampicin', 'Losartan'],
  [T.INDUCTION, 'Rifampicin', 'Haloperidol'],
  [T.INDUCTION, 'Rifampicin', 'Ritonavir'],
  [T.INDUCTION, 'Rifampicin', 'Efavirenz'],
  [T.INDUCTION, 'Rifampicin', 'Nifedipine'],
  [T.INDUCTION, 'Carbamazepine', 'Nifedipine'],
  [T.INDUCTION, 'Phenytoin', 'Nifedipine'],
  [T.INDUCTION, 'Carbamazepine', 'Valproic acid'],
  [T.INDUCTION, 'Carbamazepine', 'Clozapine'],
  [T.INDUCTION, 'Carbamazepine', 'Olanzapine'],
  [T.INDUCTION, 'Carbamazepine', 'Risperidone'],
  [T.INDUCTION, 'Carbamazepine', 'Aripiprazole'],
  [T.INDUCTION, 'Carbamazepine', 'Haloperidol'],
  [T.INDUCTION, 'Carbamazepine', 'Doxycycline'],
  [T.INDUCTION, 'Carbamazepine', 'Methadone'],
  [T.INDUCTION, 'Carbamazepine', 'Trazodone'],
  [T.INDUCTION, 'Carbamazepine', 'Topiramate'],
  [T.INDUCTION, 'Phenytoin', 'Valproic acid'],
  [T.INDUCTION, 'Phenytoin', 'Doxycycline'],
  [T.INDUCTION, 'Phenytoin', 'Methadone'],
  [T.INDUCTION, 'Phenytoin', 'Topiramate'],
  [T.INDUCTION, 'Phenytoin', 'Levothyroxine'],
  [T.INDUCTION, 'Phenobarbital', 'Valproic acid'],
  [T.INDUCTION, 'Phenobarbital', 'Doxycycline'],
  [T.INDUCTION, 'Phenobarbital', 'Montelukast'],
  [T.INDUCTION, 'Carbamazepine', 'Phenytoin', 'Carbamazepine and phenytoin induce each other\'s metabolism (phenytoin levels may also rise); levels of both need monitoring.'],
  [T.INDUCTION, 'Phenobarbital', 'Carbamazepine', 'Phenobarbital induces CYP3A4 and lowers carbamazepine concentrations.'],
  [T.INDUCTION, 'Phenobarbital', 'Phenytoin', 'Phenobarbital induces phenytoin metabolism (and may also compete for it), making phenytoin levels unpredictable.'],
  [T.INDUCTION, 'Efavirenz', 'Voriconazole', 'Efavirenz induces CYP3A4/2C19 and lowers voriconazole concentrations, while voriconazole raises efavirenz; standard doses are contraindicated.'],
  [T.INDUCTION, 'Efavirenz', 'Simvastatin'],
  [T.INDUCTION, 'Efavirenz', 'Methadone'],
  [T.INDUCTION, 'Efavirenz', 'Clarithromycin'],
  [T.INDUCTION, 'Efavirenz', 'Itraconazole'],
  [T.INDUCTION, 'Oxcarbazepine', 'Ethinylestradiol'],
  [T.INDUCTION, 'Topiramate', 'Ethinylestradiol', 'Topiramate (above 200 mg/day) lowers ethinylestradiol exposure, risking contraceptive failure.'],
  [T.INDUCTION, 'Ethinylestradiol', 'Lamotrigine', 'Ethinylestradiol induces lamotrigine glucuronidation and roughly halves lamotrigine concentrations, risking loss of seizure control.'],
  [T.INDUCTION, 'Ritonavir', 'Voriconazole', 'Ritonavir induces CYP2C19/2C9 and lowers voriconazole concentrations; high-dose ritonavir is contraindicated with voriconazole.'],
  [T.INDUCTION, 'Ritonavir', 'Methadone', 'Ritonavir induces methadone metabolism and lowers its concentrations, risking opioid withdrawal.'],
  [T.INDUCTION, 'Ritonavir', 'Ethinylestradiol', 'Ritonavir induces ethinylestradiol glucuronidation and lowers its concentrations, risking contraceptive failure.'],

  // --- CYP2D6 inhibition ---
  [T.CYP2D6_INH, 'Terbinafine', 'Nortriptyline'],
  [T.CYP2D6_INH, 'Terbinafine', 'Imipramine'],
  [T.CYP2D6_INH, 'Terbinafine', 'Amitriptyline'],
  [T.CYP2D6_INH, 'Terbinafine', 'Metoprolol'],
  [T.CYP2D6_INH, 'Terbinafine', 'Dextromethorphan'],
  [T.CYP2D6_INH, 'Duloxetine', 'Thioridazine'],
  [T.CYP2D6_INH, 'Duloxetine', 'Flecainide'],
  [T.CYP2D6_INH, 'Duloxetine', 'Propafenone'],
  [T.CYP2D6_INH, 'Cinacalcet', 'Metoprolol'],
  [T.CYP2D6_INH, 'Cinacalcet', 'Carvedilol'],
  [T.CYP2D6_INH, 'Cinacalcet', 'Flecainide'],
  [T.CYP2D6_INH, 'Cinacalcet', 'Amitriptyline'],
  [T.CYP2D6_INH, 'Cinacalcet', 'Nortriptyline'],
  [T.CYP2D6_INH, 'Quinidine', 'Donepezil'],
  [T.CYP2D6_INH, 'Amiodarone', 'Flecainide', 'Amiodarone inhibits CYP2D6 and raises flecainide concentrations; the flecainide dose is halved.'],

  // --- CYP2C8/2C9/2C19 inhibition ---
  [T.CYP2C_INH, 'Fluconazole', 'Warfarin'],
  [T.CYP2C_INH, 'Amiodarone', 'Warfarin'],
  [T.CYP2C_INH, 'Metronidazole', 'Warfarin'],
  [T.CYP2C_INH, 'Sulfamethoxazole', 'Warfarin'],
  [T.CYP2C_INH, 'Voriconazole', 'Warfarin'],
  [T.CYP2C_INH, 'Fluvoxamine', 'Warfarin'],
  [T.CYP2C_INH, 'Fluconazole', 'Phenytoin'],
  [T.CYP2C_INH, 'Amiodarone', 'Phenytoin'],
  [T.CYP2C_INH, 'Trimethoprim', 'Phenytoin'],
  [T.CYP2C_INH, 'Cimetidine', 'Phenytoin'],
  [T.CYP2C_INH, 'Metronidazole', 'Phenytoin'],
  [T.CYP2C_INH, 'Fluoxetine', 'Phenytoin'],
  [T.CYP2C_INH, 'Oxcarbazepine', 'Phenytoin'],
  [T.CYP2C_INH, 'Fluconazole', 'Glipizide'],
  [T.CYP2C_INH, 'Fluconazole', 'Glyburide'],
  [T.CYP2C_INH, 'Fluconazole', 'Glimepiride'],
  [T.CYP2C_INH, 'Sulfamethoxazole', 'Glipizide'],
  [T.CYP2C_INH, 'Sulfamethoxazole', 'Glyburide'],
  [T.CYP2C_INH, 'Sulfamethoxazole', 'Glimepiride'],
  [T.CYP2C_INH, 'Voriconazole', 'Glipizide'],
  [T.CYP2C_INH, 'Voriconazole', 'Glyburide'],
  [T.CYP2C_INH, 'Fluconazole', 'Celecoxib'],
  [T.CYP2C_INH, 'Fluconazole', 'Losartan'],
  [T.CYP2C_INH, 'Voriconazole', 'Diclofenac'],
  [T.CYP2C_INH, 'Voriconazole', 'Ibuprofen'],
  [T.CYP2C_INH, 'Omeprazole', 'Clopidogrel'],
  [T.CYP2C_INH, 'Fluconazole', 'Clopidogrel'],
  [T.CYP2C_INH, 'Fluvoxamine', 'Clopidogrel'],
  [T.CYP2C_INH, 'Omeprazole', 'Citalopram'],
  [T.CYP2C_INH, 'Cimetidine', 'Citalopram'],
  [T.CYP2C_INH, 'Omeprazole', 'Escitalopram'],
  [T.CYP2C_INH, 'Cimetidine', 'Escitalopram'],
  [T.CYP2C_INH, 'Omeprazole', 'Diazepam'],
  [T.CYP2C_INH, 'Fluvoxamine', 'Diazepam'],
  [T.CYP2C_INH, 'Voriconazole', 'Omeprazole'],
  [T.CYP2C_INH, 'Gemfibrozil', 'Repaglinide', 'Gemfibrozil inhibits CYP2C8 (and OATP1B1) and raises repaglinide exposure about eightfold; the combination is contraindicated.'],
  [T.CYP2C_INH, 'Clopidogrel', 'Repaglinide', 'Clopidogrel\'s glucuronide metabolite inhibits CYP2C8 and raises repaglinide exposure, with a risk of hypoglycaemia.'],
  [T.CYP2C_INH, 'Trimethoprim', 'Repaglinide'],
  [T.CYP2C_INH, 'Gemfibrozil', 'Pioglitazone'],
  [T.CYP2C_INH, 'Gemfibrozil', 'Montelukast'],

  // --- CYP1A2 inhibition ---
  [T.CYP1A2_INH, 'Fluvoxamine', 'Amitriptyline'],
  [T.CYP1A2_INH, 'Fluvoxamine', 'Imipramine'],
  [T.CYP1A2_INH, 'Fluvoxamine', 'Clomipramine'],
  [T.CYP1A2_INH, 'Fluvoxamine', 'Propranolol'],
  [T.CYP1A2_INH, 'Cimetidine', 'Theophylline'],
  [T.CYP1A2_INH, 'Cimetidine', 'Warfarin', 'Cimetidine inhibits CYP1A2/3A4 metabolism of R-warfarin and can raise the INR.'],
  [T.CYP1A2_INH, 'Ciprofloxacin', 'Warfarin', 'Ciprofloxacin inhibits CYP1A2 metabolism of R-warfarin and can raise the INR.'],

  // --- Transporter inhibition ---
  ...['Amiodarone', 'Dronedarone', 'Verapamil', 'Quinidine', 'Propafenone', 'Clarithromycin', 'Erythromycin',
    'Azithromycin', 'Itraconazole', 'Ketoconazole', 'Ritonavir', 'Cyclosporine', 'Carvedilol', 'Ranolazine',
    'Ticagrelor', 'Diltiazem', 'Atorvastatin'].map((p) => [T.TRANSPORTER, p, 'Digoxin']),
  ...['Dronedarone', 'Ketoconazole', 'Verapamil', 'Amiodarone', 'Clarithromycin', 'Quinidine', 'Itraconazole',
    'Cyclosporine', 'Ticagrelor'].map((p) => [T.TRANSPORTER, p, 'Dabigatran etexilate']),
  [T.TRANSPORTER, 'Cyclosporine', 'Colchicine'],
  ...['Simvastatin', 'Atorvastatin', 'Rosuvastatin', 'Pravastatin'].flatMap((s) => [
    [T.TRANSPORTER, 'Gemfibrozil', s, `Gemfibrozil inhibits OATP1B1 and statin glucuronidation, raising ${n(s)} exposure with a risk of myopathy and rhabdomyolysis.`],
    [T.TRANSPORTER, 'Cyclosporine', s, `Cyclosporine inhibits OATP1B1 (and CYP3A4), markedly raising ${n(s)} exposure with a risk of myopathy and rhabdomyolysis.`],
  ]),
  [T.TRANSPORTER, 'Ritonavir', 'Rosuvastatin'],
  [T.TRANSPORTER, 'Clarithromycin', 'Pravastatin'],
  ...['Dolutegravir', 'Cimetidine', 'Trimethoprim', 'Ranolazine'].map((p) => [T.TRANSPORTER, p, 'Metformin',
    `${n(p)} inhibits renal OCT2/MATE transport of metformin and raises its concentrations.`]),
  ...['Trimethoprim', 'Cimetidine', 'Verapamil', 'Ketoconazole', 'Dolutegravir'].map((p) => [T.TRANSPORTER, p, 'Dofetilide',
    `${n(p)} inhibits renal cation transport of dofetilide and raises its concentrations; the combination is contraindicated (torsades risk).`]),

  // --- QT ---
  [T.QT, 'Hydrochlorothiazide', 'Dofetilide', 'Hydrochlorothiazide raises dofetilide levels and causes hypokalaemia, increasing the risk of QT prolongation and torsades; contraindicated.'],

  // --- bradycardia ---
  [T.BRADY, 'Verapamil', 'Amiodarone'],
  [T.BRADY, 'Diltiazem', 'Amiodarone'],
  [T.BRADY, 'Dronedarone', 'Metoprolol', 'Dronedarone slows heart rate and AV conduction and raises metoprolol levels; start beta-blockers at a low dose.'],
  [T.BRADY, 'Dronedarone', 'Propranolol'],

  // --- hypotension ---
  [T.HYPOTENSION, 'Tizanidine', 'Clonidine', 'Tizanidine and clonidine are both alpha-2 agonists; together they cause additive hypotension and sedation.'],
  [T.HYPOTENSION, 'Sildenafil', 'Amlodipine'],

  // --- CNS depression ---
  [T.CNS, 'Clozapine', 'Lorazepam', 'Clozapine with benzodiazepines such as lorazepam has caused collapse and respiratory arrest.'],
  [T.CNS, 'Clozapine', 'Diazepam', 'Clozapine with benzodiazepines such as diazepam has caused collapse and respiratory arrest.'],
  [T.CNS, 'Olanzapine', 'Lorazepam', 'Olanzapine with parenteral lorazepam causes additive sedation and cardiorespiratory depression.'],

  // --- hyperkalaemia ---
  [T.HYPERK, 'Trimethoprim', 'Spironolactone'],
  [T.HYPERK, 'Trimethoprim', 'Amiloride'],
  [T.HYPERK, 'Cyclosporine', 'Spironolactone'],
  [T.HYPERK, 'Cyclosporine', 'Amiloride'],
  [T.HYPERK, 'Cyclosporine', 'Triamterene'],

  // --- renal ---
  [T.RENAL, 'Trimethoprim', 'Methotrexate', 'Trimethoprim reduces renal methotrexate elimination and adds antifolate effects, causing bone-marrow toxicity.'],
  [T.RENAL, 'Sulfamethoxazole', 'Methotrexate', 'Sulfamethoxazole displaces methotrexate and reduces its renal elimination, increasing methotrexate toxicity.'],
  [T.RENAL, 'Omeprazole', 'Methotrexate', 'Omeprazole can delay methotrexate elimination (especially high-dose), increasing toxicity.'],
  [T.RENAL, 'Acetylsalicylic acid', 'Methotrexate', 'Salicylates reduce renal methotrexate clearance, increasing methotrexate toxicity.'],
  [T.RENAL, 'Ibuprofen', 'Digoxin', 'Ibuprofen can reduce renal function and digoxin clearance, raising digoxin levels.'],
  [T.RENAL, 'Indomethacin', 'Digoxin', 'Indomethacin reduces renal digoxin clearance and raises digoxin levels.'],
  [T.RENAL, 'Diclofenac', 'Digoxin', 'Diclofenac can reduce renal function and digoxin clearance, raising digoxin levels.'],
  [T.RENAL, 'Hydrochlorothiazide', 'Lithium carbonate', 'Thiazides reduce renal lithium clearance by about a quarter, risking lithium toxicity.'],
  [T.RENAL, 'Metronidazole', 'Lithium carbonate', 'Metronidazole can raise lithium levels and cause lithium toxicity with renal impairment.'],
];

// ---------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------
export function build() {
  const byName = new Map();
  const drugs = DRUGS.map(([id, name, atc, categories, smiles]) => {
    if (byName.has(name)) throw new Error(`duplicate drug name ${name}`);
    const d = { id, name, smiles, atc, categories };
    byName.set(name, d);
    return d;
  });
  if (new Set(drugs.map((d) => d.id)).size !== drugs.length) throw new Error('duplicate DrugBank id');
  const id = (name) => {
    const d = byName.get(name);
    if (!d) throw new Error(`unknown drug name: ${name}`);
    return d.id;
  };
  const members = (g) => (Array.isArray(g) ? g : G[g] ?? (() => { throw new Error(`unknown class ${g}`); })());

  for (const table of [CONSEQUENCE, lose, ...Object.values(PRODRUG)]) {
    for (const name of Object.keys(table)) id(name); // every note table entry names a real drug
  }

  const seen = new Map(); // unordered key -> interaction
  const stats = [];
  const key = (x, y) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const add = (type, a, b, note, strict) => {
    if (a === b) throw new Error(`self pair ${a}`);
    const k = key(id(a), id(b));
    if (seen.has(k)) {
      if (strict) throw new Error(`duplicate explicit pair ${a} / ${b}`);
      return false;
    }
    seen.set(k, { a: id(a), b: id(b), type, note: capitalise(note ?? NOTE[type](a, b)), _a: a, _b: b });
    return true;
  };

  let n = 0;
  for (const [type, a, b, note] of EXPLICIT) {
    if (!TYPE_ORDER.includes(type)) throw new Error(`bad type ${type}`);
    add(type, a, b, note, true);
    n++;
  }
  stats.push(['explicit pairs', n, n]);
  for (const r of RULES) {
    const A = members(r.a);
    const B = r.b ? members(r.b) : null;
    const except = new Set((r.except ?? []).map(([x, y]) => key(id(x), id(y))));
    let tried = 0;
    let added = 0;
    const emit = (x, y) => {
      if (x === y || except.has(key(id(x), id(y)))) return;
      tried++;
      if (add(r.type, x, y, r.note ? r.note(x, y) : undefined, false)) added++;
    };
    if (B) for (const x of A) for (const y of B) emit(x, y);
    else for (let i = 0; i < A.length; i++) for (let j = i + 1; j < A.length; j++) emit(A[i], A[j]);
    stats.push([`${r.type}: ${Array.isArray(r.a) ? r.a.join('/') : r.a} x ${r.b ? (Array.isArray(r.b) ? r.b.join('/') : r.b) : '(within)'}`, tried, added]);
  }

  const interactions = [...seen.values()]
    .sort((p, q) => TYPE_ORDER.indexOf(p.type) - TYPE_ORDER.indexOf(q.type)
      || p._a.localeCompare(q._a) || p._b.localeCompare(q._b))
    .map(({ a, b, type, note }) => ({ a, b, type, note }));

  return {
    dataset: { format: 'drug-graph/1', name: 'Demo: well-known drug interactions', drugs, interactions },
    stats,
  };
}

// One drug / interaction per line: valid JSON that diffs well.
export function serialize(ds) {
  const line = (o) => `    ${JSON.stringify(o)}`;
  return [
    '{',
    `  "format": ${JSON.stringify(ds.format)},`,
    `  "name": ${JSON.stringify(ds.name)},`,
    '  "drugs": [',
    ds.drugs.map(line).join(',\n'),
    '  ],',
    '  "interactions": [',
    ds.interactions.map(line).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { dataset, stats } = build();
  const text = serialize(dataset);
  const degree = new Map(dataset.drugs.map((d) => [d.id, 0]));
  for (const e of dataset.interactions) {
    degree.set(e.a, degree.get(e.a) + 1);
    degree.set(e.b, degree.get(e.b) + 1);
  }
  const isolated = dataset.drugs.filter((d) => degree.get(d.id) < 2).map((d) => d.name);
  if (isolated.length) {
    console.error(`drugs with fewer than 2 interactions: ${isolated.join(', ')}`);
    process.exit(1);
  }
  if (process.argv.includes('--stats')) {
    for (const [label, tried, added] of stats) console.log(`${String(added).padStart(4)} / ${String(tried).padStart(4)}  ${label}`);
    const perType = {};
    for (const e of dataset.interactions) perType[e.type] = (perType[e.type] ?? 0) + 1;
    console.log(perType);
    const deg = [...degree.entries()].map(([i, d]) => [dataset.drugs.find((x) => x.id === i).name, d]).sort((x, y) => y[1] - x[1]);
    console.log('top degree:', deg.slice(0, 15).map(([nm, d]) => `${nm} ${d}`).join(', '));
    console.log('low degree:', deg.slice(-15).map(([nm, d]) => `${nm} ${d}`).join(', '));
  }
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(OUT, 'utf8'); } catch { /* missing */ }
    if (current !== text) {
      console.error(`${OUT} is out of date; run node scripts/build-demo-dataset.mjs`);
      process.exit(1);
    }
    console.log('demo.json is up to date');
  } else if (!process.argv.includes('--stats')) {
    writeFileSync(OUT, text);
  }
  console.log(`${dataset.drugs.length} drugs, ${dataset.interactions.length} interactions`);
}
