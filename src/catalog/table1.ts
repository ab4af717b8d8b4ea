/**
 * Table 1 of Bai et al. 2022, "Chart for organotropic metastasis with respect to cancer types":
 * one row per (cancer type, metastatic site) line, in the table's order, text verbatim.
 *
 * The table continues over a page break (after 'Ovarian cancer — Brain metastasis'); the three
 * unlabelled lines after the '(Continued)' header still belong to ovarian cancer.
 */
import type { OrganId } from './organs';
import type { Table1Row } from './types';

/** Model organ for each verbatim site label of Table 1 (null: not one of the five organs). */
const SITE_TO_ORGAN: Readonly<Record<string, OrganId | null>> = {
  'Lung metastasis': 'lung',
  'Liver metastasis': 'liver',
  'Bone metastasis': 'bone',
  'Brain metastasis': 'brain',
  'Lymph node metastasis': 'lymph-node',
  // Sites printed in Table 1 that the model has no compartment for.
  Mediastinum: null,
  'Adrenal gland': null,
  'Stomach and colon': null,
};

function row(cancerType: string, organ: string, references: string): Table1Row {
  const organId = SITE_TO_ORGAN[organ];
  if (organId === undefined) throw new Error(`Table 1: unknown site '${organ}'`);
  return { cancerType, organ, organId, references };
}

/** Every (cancer type, site) line of Table 1, in order (74 lines, 17 cancer types). */
export const TABLE1_ROWS: readonly Table1Row[] = [
  // Acute myeloid leukemia — 1
  row('Acute myeloid leukemia', 'Liver metastasis', 'Wang H. et al. (2020); Wang N. et al. (2020)'),
  // Breast cancer — 5
  row('Breast cancer', 'Bone metastasis', 'Salvador et al. (2019); Tahara et al. (2019); Ma et al. (2020a)'),
  row('Breast cancer', 'Lung metastasis', 'Kim et al. (2018); Yousefi et al. (2018); Tyagi et al. (2021)'),
  row('Breast cancer', 'Brain metastasis', 'Pedrosa et al. (2018); Chang et al. (2020); Hosonaga et al. (2020)'),
  row(
    'Breast cancer',
    'Lymph node metastasis',
    'Zhang H. et al. (2017); Qiu et al. (2020); Zhang Q. et al. (2017); Xu et al. (2021)',
  ),
  row('Breast cancer', 'Liver metastasis', 'Ma et al. (2015); Yousefi et al. (2018); Bale et al. (2019); Ji et al. (2020)'),
  // Bladder cancer — 6. The last four lines print no reference of their own (in the PDF the
  // reference column is empty beside them; they may share the lymph-node line's references).
  row('Bladder cancer', 'Bone metastasis', 'Fan et al. (2020)'),
  row('Bladder cancer', 'Lymph node metastasis', 'Doshi et al. (2013); Tuncer et al. (2014)'),
  row('Bladder cancer', 'Lung metastasis', ''),
  row('Bladder cancer', 'Liver metastasis', ''),
  row('Bladder cancer', 'Mediastinum', ''),
  row('Bladder cancer', 'Adrenal gland', ''),
  // Colon cancer — 4
  row(
    'Colon cancer',
    'Liver metastasis',
    'Yao et al. (2017); Tokoro et al. (2018); Kim et al. (2019a); Li K. et al., (2019); Zhu et al. (2020)',
  ),
  row('Colon cancer', 'Lung metastasis', 'Yao et al. (2017); Tokoro et al. (2018)'),
  row('Colon cancer', 'Lymph node metastasis', '(El-Halabi et al. (2014)'),
  row('Colon cancer', 'Brain metastasis', 'Yoshida et al. (2012); Tokoro et al. (2018)'),
  // Cervical cancer — 5
  row('Cervical cancer', 'Lung metastasis', 'Ali et al. (2017); Chen et al. (2020); Hsieh et al. (2021)'),
  row(
    'Cervical cancer',
    'Brain metastasis',
    'Hwang et al. (2013); Sato et al. (2015); Fetcko et al. (2017); Kim et al. (2019b); Sun et al. (2020)',
  ),
  row(
    'Cervical cancer',
    'Lymph node metastasis',
    'Wu et al. (2020); Zhang C. et al. (2020); Zhang Q. et al. (2020); Zhong et al. (2020)',
  ),
  row(
    'Cervical cancer',
    'Bone metastasis',
    'Yoon et al. (2013); Nartthanarung et al. (2014); Kanayama et al., (2015); Makino et al. (2016)',
  ),
  row('Cervical cancer', 'Liver metastasis', 'Nance et al. (2020); Liu et al. (2021)'),
  // Gastrointestinal stromal tumor — 5
  row(
    'Gastrointestinal stromal tumor',
    'Liver metastasis',
    'Yamanaka et al. (2013); Yamashita et al. (2016); Cumsille et al. (2019)',
  ),
  row('Gastrointestinal stromal tumor', 'Bone metastasis', 'Aktan et al. (2015); Suzuki et al. (2015)'),
  row(
    'Gastrointestinal stromal tumor',
    'Lymph node metastasis',
    'Canda et al. (2008); Gong et al. (2011); Kubo and Takeuchi, (2017)',
  ),
  row('Gastrointestinal stromal tumor', 'Brain metastasis', 'Naoe et al. (2011)'),
  row('Gastrointestinal stromal tumor', 'Lung metastasis', 'Xu et al. (2020a); Carvalho et al. (2020)'),
  // Gastric cancer — 5
  row('Gastric cancer', 'Lung metastasis', 'Qiu et al. (2018a); Wang et al. (2019d); Abe et al. (2020)'),
  row(
    'Gastric cancer',
    'Brain metastasis',
    'York et al. (1999); Peng et al. (2014); Yang et al. (2016); Qiu et al., (2018b); Cavanna et al. (2018)',
  ),
  row(
    'Gastric cancer',
    'Lymph node metastasis',
    'Chen et al. (2019); Wang J. et al. (2020); Wang Y. et al. (2020); Kim et al. (2021)',
  ),
  row(
    'Gastric cancer',
    'Bone metastasis',
    'Ubukata et al. (2011); Mikami et al. (2017); Qiu et al. (2018a); Fujita et al. (2020); Imura et al. (2020)',
  ),
  row(
    'Gastric cancer',
    'Liver metastasis',
    'Zhang G. et al. (2017); Qiu et al. (2018b); Luo et al. (2019); Ohara et al. (2020)',
  ),
  // Glioblastoma — 4
  row('Glioblastoma', 'Lung metastasis', 'Hoffman et al. (2017)'),
  row(
    'Glioblastoma',
    'Lymph node metastasis',
    'Dolman, (1974); Jamjoom et al. (1997); Datta et al. (1998); Alhoulaiby et al. (2020)',
  ),
  row('Glioblastoma', 'Bone metastasis', 'Ricard et al. (2019); Nagata et al. (2020)'),
  row('Glioblastoma', 'Liver metastasis', 'Yung et al. (1983); Shuto et al. (1995)'),
  // Hepatocellular carcinoma — 5
  row(
    'Hepatocellular carcinoma',
    'Bone metastasis',
    'Zhang et al. (2019b); Park et al. (2019); Ma et al. (2020b); Hu et al. (2020)',
  ),
  row('Hepatocellular carcinoma', 'Lymph node metastasis', 'Xu et al. (2016); Ikegami et al. (2017); Liu et al. (2018a)'),
  row('Hepatocellular carcinoma', 'Stomach and colon', 'Kim et al. (2020)'),
  row('Hepatocellular carcinoma', 'Brain metastasis', 'Yamakawa et al. (2015); Lin et al. (2017); Nam et al. (2019)'),
  row('Hepatocellular carcinoma', 'Lung metastasis', 'Zhang et al. (2019a); Kapoor et al. (2020)'),
  // Head and neck cancer — 5
  row('Head and neck cancer', 'Lung metastasis', 'Nishino et al. (1996); AlShammari et al. (2020)'),
  row('Head and neck cancer', 'Brain metastasis', 'Nishino et al. (1996); Kofler et al. (2017)'),
  row(
    'Head and neck cancer',
    'Lymph node metastasis',
    'Zhou X. et al. (2018); Nienstedt et al. (2018); Zhou Z. et al. (2018); Mermod et al. (2019); Fang et al. (2020); Nishio et al. (2021)',
  ),
  row('Head and neck cancer', 'Bone metastasis', 'Bhandari and Jain, (2013); Chi et al. (2021)'),
  row('Head and neck cancer', 'Liver metastasis', 'Chen et al. (2014)'),
  // Lung cancer — 4
  row('Lung cancer', 'Liver metastasis', 'Sridhar et al. (2019); Wang B. et al. (2020); Lu et al. (2020)'),
  row(
    'Lung cancer',
    'Bone metastasis',
    'Liu et al. (2017); Okabe et al. (2018); da Silva et al. (2019); Wang et al. (2019b); Ai et al. (2020)',
  ),
  row(
    'Lung cancer',
    'Lymph node metastasis',
    'Xia et al. (2015); Kong et al. (2017); Wang C.-F. et al. (2020); Wang L. et al. (2020)',
  ),
  row(
    'Lung cancer',
    'Brain metastasis',
    'Aljohani et al. (2018); Waqar et al. (2018); Wang et al. (2019a); Luo et al. (2020b); Fujimoto et al. (2020)',
  ),
  // Melanoma — 5
  row(
    'Melanoma',
    'Liver metastasis',
    'Nakamura et al. (2017a); Ryu et al. (2017); Grossniklaus, (2019); Bustamante et al. (2021)',
  ),
  row('Melanoma', 'Bone metastasis', 'Uluckan, (2019); Caldaria et al. (2020); Mannavola et al. (2020)'),
  row(
    'Melanoma',
    'Lymph node metastasis',
    'Merkow et al. (2016); Moy et al. (2017); Muhsin-Sharafaldine et al. (2017); Faries et al. (2018); Soler-Cardona et al. (2018)',
  ),
  row(
    'Melanoma',
    'Brain metastasis',
    'Kircher et al. (2016); Katona et al. (2017); Redmer, (2018); Schwarz et al. (2019)',
  ),
  row('Melanoma', 'Lung metastasis', 'Zhu et al. (2016); Hyun et al. (2020); Park et al. (2020); Stansel et al. (2020)'),
  // Multiple myeloma (BM-MSC) — 1
  row('Multiple myeloma (BM-MSC)', 'Liver metastasis', 'Estelles Piera et al. (1993)'),
  // Mesothelioma — 4
  row('Mesothelioma', 'Liver metastasis', 'Etoh et al. (1997); Marzullo et al. (2020)'),
  row(
    'Mesothelioma',
    'Bone metastasis',
    'Laurini, (1974); Swayne et al. (1992); Roegel et al. (1993); Huang et al. (2019)',
  ),
  row(
    'Mesothelioma',
    'Lymph node metastasis',
    'Sussman and Rosai, (1990); Yan et al. (2006); Abdel Rahman et al. (2008); Takehara et al. (2014)',
  ),
  row('Mesothelioma', 'Brain metastasis', 'Asoh et al. (1990); Kawai et al. (1997); Hirooka et al. (2016)'),
  // Ovarian cancer — 5 (2 before the page break, 3 after it)
  row('Ovarian cancer', 'Lung metastasis', 'Ueda et al. (1973)'),
  row('Ovarian cancer', 'Brain metastasis', 'Pakneshan et al. (2014); Stasenko et al. (2019)'),
  row(
    'Ovarian cancer',
    'Lymph node metastasis',
    'Kleppe et al. (2011); Zhou et al. (2016); Hong et al. (2018); Longo et al. (2020)',
  ),
  row('Ovarian cancer', 'Bone metastasis', 'Kumar et al. (1992); Tiwari et al. (2007); Zhang and Sun, (2013)'),
  row('Ovarian cancer', 'Liver metastasis', 'Xu et al. (2017); Wang et al. (2019c); Zhuo et al. (2020)'),
  // Pancreatic cancer — 5
  row('Pancreatic cancer', 'Lung metastasis', 'Park et al. (2017); Sakimura et al. (2019); Uesato et al. (2020)'),
  row(
    'Pancreatic cancer',
    'Brain metastasis',
    'Matsumura et al. (2009); Lemke et al. (2013); Matsumoto and Yoshida, (2015); Sasaki et al. (2019)',
  ),
  row(
    'Pancreatic cancer',
    'Lymph node metastasis',
    'Kanda et al. (2011); Liu et al., 2018b; Ma et al., 2018; Seifert et al. (2020)',
  ),
  row('Pancreatic cancer', 'Bone metastasis', 'Saif et al. (2010); Guan et al. (2017); Outani et al. (2018)'),
  row('Pancreatic cancer', 'Liver metastasis', 'Ho et al. (2020); Wang et al. (2021a)'),
  // Prostate cancer — 5
  row('Prostate cancer', 'Lung metastasis', 'Polistina et al. (2020)'),
  row(
    'Prostate cancer',
    'Brain metastasis',
    'Hernandez-Esquivel et al. (2018); Marchand Crety et al. (2020); Shida et al. (2020)',
  ),
  row(
    'Prostate cancer',
    'Lymph node metastasis',
    'Li F. et al. (2019); Xu et al. (2020b); Zhao et al. (2020); Klingenberg et al. (2021)',
  ),
  row('Prostate cancer', 'Bone metastasis', 'Berish et al. (2018); Zhang, (2019); Wen et al. (2020)'),
  row('Prostate cancer', 'Liver metastasis', 'Simons et al. (2020); Ma B. et al. (2021)'),
];
