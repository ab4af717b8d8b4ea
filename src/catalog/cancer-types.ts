/**
 * Cancer types of the review, with the labels Table 1 and Table 2 use for each.
 */
import type { CancerType } from './types';

/** Every cancer-type id (one per cancer type named in Table 1 or Table 2). */
export const CANCER_TYPE_IDS = [
  'aml',
  'breast',
  'bladder',
  'cml',
  'colorectal',
  'cervical',
  'gist',
  'gastric',
  'glioblastoma',
  'hcc',
  'hnc',
  'lung',
  'melanoma',
  'multiple-myeloma',
  'mesothelioma',
  'npc',
  'ovarian',
  'pancreatic',
  'prostate',
] as const;

/** One cancer type of the catalog. */
export type CancerTypeId = (typeof CANCER_TYPE_IDS)[number];

/** Every cancer type with its display label and the verbatim labels of both tables. */
export const CANCER_TYPES: readonly CancerType[] = [
  { id: 'aml', label: 'Acute myeloid leukaemia', table2Labels: ['AML'], table1Labels: ['Acute myeloid leukemia'] },
  { id: 'breast', label: 'Breast cancer', table2Labels: ['Breast cancer'], table1Labels: ['Breast cancer'] },
  { id: 'bladder', label: 'Bladder cancer', table2Labels: ['Bladder Cancer'], table1Labels: ['Bladder cancer'] },
  { id: 'cml', label: 'Chronic myeloid leukaemia', table2Labels: ['CML'], table1Labels: [] },
  { id: 'colorectal', label: 'Colorectal cancer', table2Labels: ['Colon cancer'], table1Labels: ['Colon cancer'] },
  { id: 'cervical', label: 'Cervical cancer', table2Labels: ['Cervical cancer'], table1Labels: ['Cervical cancer'] },
  {
    id: 'gist',
    label: 'Gastrointestinal stromal tumour',
    table2Labels: ['GIST'],
    table1Labels: ['Gastrointestinal stromal tumor'],
  },
  { id: 'gastric', label: 'Gastric cancer', table2Labels: ['Gastric cancer'], table1Labels: ['Gastric cancer'] },
  { id: 'glioblastoma', label: 'Glioblastoma', table2Labels: ['Glioblastoma'], table1Labels: ['Glioblastoma'] },
  {
    id: 'hcc',
    label: 'Hepatocellular carcinoma',
    table2Labels: ['HCC'],
    table1Labels: ['Hepatocellular carcinoma'],
  },
  { id: 'hnc', label: 'Head and neck cancer', table2Labels: ['HNC'], table1Labels: ['Head and neck cancer'] },
  { id: 'lung', label: 'Lung cancer', table2Labels: ['Lung Cancer'], table1Labels: ['Lung cancer'] },
  { id: 'melanoma', label: 'Melanoma', table2Labels: ['Melanoma'], table1Labels: ['Melanoma'] },
  {
    id: 'multiple-myeloma',
    label: 'Multiple myeloma',
    table2Labels: ['Multiple myeloma (BM-MSC)'],
    table1Labels: ['Multiple myeloma (BM-MSC)'],
  },
  { id: 'mesothelioma', label: 'Mesothelioma', table2Labels: ['Mesothelioma'], table1Labels: ['Mesothelioma'] },
  { id: 'npc', label: 'Nasopharyngeal carcinoma', table2Labels: ['NPC'], table1Labels: [] },
  { id: 'ovarian', label: 'Ovarian cancer', table2Labels: ['Ovarian cancer'], table1Labels: ['Ovarian cancer'] },
  {
    id: 'pancreatic',
    label: 'Pancreatic cancer',
    table2Labels: ['Pancreatic cancer'],
    table1Labels: ['Pancreatic cancer'],
  },
  { id: 'prostate', label: 'Prostate cancer', table2Labels: ['Prostate cancer'], table1Labels: ['Prostate cancer'] },
];

const BY_LABEL: ReadonlyMap<string, CancerTypeId> = new Map(
  CANCER_TYPES.flatMap((c) => [...c.table2Labels, ...c.table1Labels].map((l) => [l, c.id] as const)),
);

/** The cancer-type id for a verbatim Table 1 or Table 2 label, or undefined if unknown. */
export function cancerTypeIdForLabel(label: string): CancerTypeId | undefined {
  return BY_LABEL.get(label);
}

