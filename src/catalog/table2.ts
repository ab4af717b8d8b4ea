/**
 * Table 2 of Bai et al. 2022, "Role and target of the components of TDEs in tumor metastasis":
 * every row, in the table's order, cells verbatim (text re-joined where the PDF wrapped it,
 * including typos such as 'Cicr-PVT1', 'FOX1', 'Kupfer', 'COIA1', 'TNF1α').
 *
 * Conventions:
 * - a cell listing two steps on two lines is joined with '; ' ('Step 4: attach; Step 5: tumor growth');
 * - '-' is kept where the table prints '-'; '' marks a cell printed empty (one row: miR-122 in HCC);
 * - rows with no cancer-type label continue the previous type (the table continues over two
 *   page breaks: 'LncRNA CCAT2'/'LncRNA POU3F3' continue Glioblastoma, 'LMP1' continues NPC);
 * - cargoIds lists the catalog id of every component the cell names (see cargo-slug.ts);
 *   where the id is not simply the slug of the printed text, the line carries a comment.
 */
import type { Table2Row } from './types';

type Raw = readonly [
  cancerType: string,
  component: string,
  targetCells: string,
  regulation: string,
  step: string,
  reference: string,
  cargoIds: readonly string[],
];

const RAW: readonly Raw[] = [
  // AML — 3 rows
  ['AML', 'TGF-β', 'NK cells', 'NKG2D', 'Step 3: immunosuppressive', 'Szczepanski et al. (2011)', ['tgf-b']],
  ['AML', 'DPP4', 'Bone', '-', 'Step 5', 'Namburi et al. (2021)', ['dpp4']],
  // The TGF-β ligand/receptor pathway as printed; the exosomal component is TGF-β.
  ['AML', 'TGFβ/TGFβRI/II', 'NK-92', '-', 'Step 3: immunosuppressive', 'Hong et al. (2017)', ['tgf-b']],

  // Breast cancer — 19 rows
  ['Breast cancer', 'miR-10b', 'Mammary epithelial cells', 'HOXD10 and KLF4', 'Step 1: enhance invasion ability', 'Singh et al. (2014)', ['mir-10b']],
  ['Breast cancer', 'miR-122', 'Lung fibroblast neurons', 'PKM', 'Step 2: non-coding RNA influence angiogenesis', 'Fong et al. (2015)', ['mir-122']],
  ['Breast cancer', 'RN7SL1', 'Breast cancer cells', 'PRR RIG-I', 'Step 5', 'Nabet et al. (2017)', ['rn7sl1']],
  ['Breast cancer', 'miR-200c, miR-141', 'Breast cancer cells', 'FOXP3-KAT2B', 'Enhance metastases', 'Zhang G. et al. (2017)', ['mir-200c', 'mir-141']],
  ['Breast cancer', 'miRNA-503', 'Microglia', '-', 'Step 3: immunosuppressive', 'Xing et al. (2018)', ['mir-503']],
  ['Breast cancer', 'Caveolin-1', 'Breast cancer cells', '-', 'Enhance metastases', 'Campos et al. (2018)', ['caveolin-1']],
  ['Breast cancer', 'miR-193b', 'Breast cancer cells', 'RAB22A', 'Step 1: enhance invasion ability', 'Sun et al. (2018)', ['mir-193b']],
  ['Breast cancer', 'CEMIP', 'Brain endothelial and microglial cells', '-', 'Step 2: angiogenesis', 'Rodrigues et al. (2019)', ['cemip']],
  ['Breast cancer', 'hsa-miR-940', 'Osteoblastic', 'ARHGAP1 and FAM134A', 'Step 5', 'Hashimoto et al. (2018)', ['mir-940']],
  ['Breast cancer', 'miR-126a', 'Lung', 'S100A8/A9', 'Step 2', 'Deng et al. (2017)', ['mir-126a']],
  ['Breast cancer', 'miR-222', 'Breast cancer cells', 'NF-κB', 'Step 1', 'Ding et al. (2018)', ['mir-222']],
  ['Breast cancer', 'miR-130a-3p', 'Breast cancer cells', 'RAB5B', 'Step 1', 'Kong et al. (2018)', ['mir-130a-3p']],
  ['Breast cancer', 'miR-939', 'Breast cancer cells', 'VE-cadherin', 'Step 2: non-coding RNA influence angiogenesis', 'Di Modica et al. (2017)', ['mir-939']],
  ['Breast cancer', 'miR-770', 'TNBCs', 'STMN1', 'Decrease metastases', 'Li Y. et al. (2018)', ['mir-770']],
  ['Breast cancer', 'miR-4443', 'Breast cancer cells', 'TIMP2', 'Step 4', 'Wang H. et al. (2020)', ['mir-4443']],
  ['Breast cancer', 'miR-210', 'Endothelial cells', '-', 'Step 2: non-coding RNA influence angiogenesis', 'Kosaka et al. (2013)', ['mir-210']],
  ['Breast cancer', 'miR-1910-3p', 'Breast cancer cells', 'MTMR3', 'Step 1: enhance invasion ability', 'Wang B. et al. (2020)', ['mir-1910-3p']],
  ['Breast cancer', 'miR-146a', 'CAFs', 'TXNIP', 'Step 5', 'Yang et al. (2020b)', ['mir-146a']],
  ['Breast cancer', 'miR-4443', 'Liver', '-', 'Step 1: enhances invasion ability', 'Wang J. et al. (2020)', ['mir-4443']],

  // Bladder Cancer — 1 row
  ['Bladder Cancer', 'LINC02470, LINC00960', 'Bladder cancer cells', '-', 'Step 1: EMT', 'Huang et al. (2020b)', ['linc02470', 'linc00960']],

  // CML — 1 row
  ['CML', 'miR-92a', 'EC', 'Integrin α5', 'Step 2: non-coding RNA influence angiogenesis', 'Umezu et al. (2014)', ['mir-92a']],

  // Colon cancer — 12 rows
  // 'hsp 70' is the same protein as melanoma's 'HSP70'.
  ['Colon cancer', 'hsp 70', 'MDSC', 'STAT3', 'Step 3: immunosuppressive', 'Chalmin et al. (2010)', ['hsp70']],
  ['Colon cancer', 'KRAS mutation', 'Colon CA cells', '-', 'Step 5: tumor growth', 'Demory Beckler et al. (2013)', ['kras-mutation']],
  ['Colon cancer', 'TF', 'EC', '-', 'Step 3: platelet activation', 'Garnier et al. (2012)', ['tf']],
  ['Colon cancer', 'miR-193a', 'Colon cancer cells', 'Caprin1', 'Step 5: decrease the growth of cells', 'Teng et al. (2017)', ['mir-193a']],
  ['Colon cancer', 'miR-92a-3p', 'Colon cancer cells', '-', 'Step 1: EMT', 'Hu J. L. et al. (2019)', ['mir-92a-3p']],
  ['Colon cancer', 'lncRNA H19', 'Colon cancer cells', 'miR-141', 'Step 5: MET', 'Ren et al. (2018)', ['lncrna-h19']],
  ['Colon cancer', 'miR-21-5p; miR-155-5p', 'Colon cancer cells', 'BRG1', 'Step 5', 'Lan et al. (2019)', ['mir-21-5p', 'mir-155-5p']],
  ['Colon cancer', 'miR-182-3p', 'Colon cancer cells', 'FOXO4', 'Step 1: EMT', 'Liu et al. (2019)', ['mir-182-3p']],
  ['Colon cancer', 'GDF15', 'HUVECs', 'Smad', 'Step 2', 'Zheng et al. (2020)', ['gdf15']],
  ['Colon cancer', 'MCP-1; TNF', 'Macrophages', '-', 'Step 2: activating macrophages', 'Chen et al. (2016)', ['mcp-1', 'tnf']],
  ['Colon cancer', 'miR-25-3p', 'ECs', 'VEGFR, ZO-1, occludin, and claudin5', 'Step 2: angiogenesis', 'Zeng et al. (2018)', ['mir-25-3p']],
  ['Colon cancer', 'miR-1229', 'ECs', 'HIPK2', 'Step 2: angiogenesis', 'Hu H.-Y. et al. (2019)', ['mir-1229']],

  // Cervical cancer — 4 rows
  ['Cervical cancer', 'Survivin', 'Cervical cancer cells', '-', 'Step 5: tumor growth', '(Khan et al., 2009; Khan et al., 2011)', ['survivin']],
  // 'Cicr-PVT1' is printed for circ-PVT1 (so spelled in the review's prose).
  ['Cervical cancer', 'Cicr-PVT1', 'Cervical cancer cells', 'MiR-1286', 'Step 1: EMT', 'Wang H. et al. (2020)', ['circ-pvt1']],
  ['Cervical cancer', 'miR-221-3p', 'HLEC', 'VASH1', 'Step 2: Lymphatic vessel formation', 'Zhou et al. (2019)', ['mir-221-3p']],
  ['Cervical cancer', 'miR-663b', 'Cervical cancer cells', 'MGAT3', 'Step 1: EMT', 'You et al. (2021b)', ['mir-663b']],

  // GIST — 1 row
  ['GIST', 'KIT', 'Progenitor muscle cells', 'MMP1', 'Step 1: Influence the relationship between tumor cells and cell matrix', 'You et al. (2021b)', ['kit']],

  // Gastric cancer — 3 rows
  ['Gastric cancer', 'miR-27a', 'CAFs', '-', 'Step 1: EMT', 'Wang J. et al. (2018)', ['mir-27a']],
  ['Gastric cancer', 'miR-130a', 'ECs', 'C-MYB', 'Step 2: angiogenesis', 'Yang et al. (2018)', ['mir-130a']],
  ['Gastric cancer', 'miR-135b', 'ECs', 'FOX1', 'Step 2: angiogenesis', 'Bai et al. (2019)', ['mir-135b']],

  // Glioblastoma — 7 rows (5 before the page break, 2 after it)
  ['Glioblastoma', 'EGFR vIII', 'Glioblastoma cells', 'VEGF, Bcl-x (L), p27', 'Step 5: tumor growth', 'Al-Nedawi et al. (2008)', ['egfr-viii']],
  ['Glioblastoma', 'matrix metalloproteinases, IL-8, PDGFs, and caveolin 1', 'Glioblastoma cells', 'PI3K/AKT', 'Step 1: EMT', 'Kucharzewska et al. (2013)', ['matrix-metalloproteinases', 'il-8', 'pdgfs', 'caveolin-1']],
  ['Glioblastoma', 'L1CAM', 'Glioblastoma cells', 'FAK; FGFR', 'Enhance metastases', 'Pace et al. (2019)', ['l1cam']],
  ['Glioblastoma', 'miR-148a', 'Glioblastoma cells', 'CADM1', 'Step 1', 'Cai et al. (2018)', ['mir-148a']],
  ['Glioblastoma', 'MDA-9/Syntenin', 'Glioblastoma cells', 'CD63-AP-2', 'Step 1', 'Das et al. (2018)', ['mda-9-syntenin']],
  ['Glioblastoma', 'LncRNA CCAT2', 'ECs', '-', 'Step 2: angiogenesis', 'Lang et al. (2017a)', ['lncrna-ccat2']],
  ['Glioblastoma', 'LncRNA POU3F3', 'ECs', '-', 'Step 2: angiogenesis', 'Lang et al. (2017b)', ['lncrna-pou3f3']],

  // HCC — 22 rows
  // 'miR-584, 517c, 378' names three miRNAs: miR-584, miR-517c, miR-378.
  ['HCC', 'miR-584, 517c, 378', 'HCC cells', 'TAK1', 'Step 5: tumor growth', 'Kogure et al. (2011)', ['mir-584', 'mir-517c', 'mir-378']],
  ['HCC', 'miR-1247-3p', 'Fibroblasts', 'B4GALT3', 'Step 5: TASCs', 'Fang T. et al. (2018)', ['mir-1247-3p']],
  // The regulation cell of this row is printed empty.
  ['HCC', 'miR-122', 'HCC cells', '', 'Step 5: tumor growth', 'Qian and Pollard, (2010)', ['mir-122']],
  ['HCC', 'miR-27b-3p/miR-92a-3p', 'HCC cells', 'IGF1R', 'Step 5: tumor growth', 'Basu and Bhattacharyya et al. (2014)', ['mir-27b-3p', 'mir-92a-3p']],
  ['HCC', 'miR-103', 'ECs', 'VE-cadherin', 'Step 2: non-coding RNA influence angiogenesis', 'Basu and Bhattacharyya et al. (2014), Fang J. H. et al. (2018)', ['mir-103']],
  ['HCC', 'miR-21, miR-10b', 'HCC cells', '-', 'Step 1', 'Tian et al. (2019)', ['mir-21', 'mir-10b']],
  ['HCC', 'SMAD3', 'HCC cells', 'ROS', 'Step 4: attach; Step 5: tumor growth', 'Fu et al. (2018)', ['smad3']],
  ['HCC', 'LOXL4', 'HUVECs', 'FAK/Src', 'Step 2: angiogenesis', 'Li R. et al. (2019)', ['loxl4']],
  ['HCC', 'Vps4A', 'HCC cells', 'β-catenin', 'Step 1: EMT', 'Han et al. (2019)', ['vps4a']],
  ['HCC', 'miR-320a', 'HCC cells', 'CDK2, MMP2', 'Step 1: EMT; Step 5: TASCs', 'Zhang Z. et al. (2017)', ['mir-320a']],
  ['HCC', 'lncRNA FAL1', 'HCC cells', 'miR-1236', 'Enhance metastases', 'Li B. et al. (2018)', ['lncrna-fal1']],
  ['HCC', 'p120-catenin', 'HCC cells', 'STAT3', 'Enhance metastases', 'Cheng et al. (2019)', ['p120-catenin']],
  ['HCC', 'miR-372-3p', 'HCC cells', 'Rab11a', 'Enhance metastases', 'Cao et al. (2019)', ['mir-372-3p']],
  ['HCC', 'Alpha-enolase', 'HCC cells', 'Integrin α6β4', 'Enhance metastases', 'Jiang et al. (2020)', ['alpha-enolase']],
  ['HCC', 'circ_MMP2', 'HCC cells', 'MMP2', 'Enhance metastases', 'Liu et al. (2020)', ['circ-mmp2']],
  ['HCC', 'miR-92a-3p', 'HCC cells', 'PTEN/Akt', 'Step 1: EMT', 'Liu et al. (2020)', ['mir-92a-3p']],
  ['HCC', 'Linc00161', 'HUVECs', 'miR-590-3p/ROCK', 'Step 2: angiogenesis', 'You et al. (2021a)', ['linc00161']],
  ['HCC', 'miR-30a; miR-222', 'HCC cells', 'MIA3', 'Enhance metastases', 'Du et al. (2021)', ['mir-30a', 'mir-222']],
  ['HCC', 'S100A4', 'HCC cells', 'STAT3', 'Enhance metastases', 'Sun et al. (2021)', ['s100a4']],
  ['HCC', 'miR-1290', 'ECs', 'SMEK1', 'Step 2: angiogenesis', 'Wang et al. (2021b)', ['mir-1290']],
  ['HCC', 'circRNA-100338', 'HUVECs', '-', 'Step 2: angiogenesis', 'Huang et al. (2020b)', ['circrna-100338']],
  // Printed as 'TIM11 B cells': the component cell is garbled in the text. The reference
  // (Ye et al. 2018) is the one the prose gives for exosomal HMGB1 acting on TIM-1+ B cells, so
  // the row is read as component HMGB1 (cell text kept verbatim) targeting B cells.
  ['HCC', 'TIM11', 'B cells', 'TLR/MAPK', 'Step 3: immunosuppressive', 'Ye et al. (2018)', ['hmgb1']],

  // HNC — 3 rows
  ['HNC', 'FasL', 'T cells', 'Jurkat', 'Step 3: immunosuppressive', 'Kim et al. (2005)', ['fasl']],
  ['HNC', 'miR-23a', 'HUVECs', 'TSGA10', 'Step 2: angiogenesis', 'Bao et al. (2018)', ['mir-23a']],
  // The component cell is printed '-': no component named.
  ['HNC', '-', 'NK cells', 'NKG2D', 'Step 3: immunosuppressive', 'Ludwig et al. (2017)', ['unspecified-exosomal-cargo-hnc']],

  // Lung Cancer — 4 rows
  ['Lung Cancer', 'miR-103', 'M2 macrophages', 'VEGF-A', 'Step 2: angiogenesis', '(Hsu et al., 2018; Wu et al., 2019)', ['mir-103']],
  ['Lung Cancer', 'miR-23a', 'ECs', 'ZO-1', 'Step 2: angiogenesis', 'Hsu et al. (2017)', ['mir-23a']],
  ['Lung Cancer', 'miR-21', 'HUVECs', '-', 'Step 2: angiogenesis', 'Liu et al. (2016a)', ['mir-21']],
  ['Lung Cancer', 'LncRNA-p21', 'HUVECs', '-', 'Step 2: angiogenesis', 'Castellano et al. (2020)', ['lncrna-p21']],

  // Melanoma — 11 rows
  ['Melanoma', 'MET', 'BM progenitor cells', '-', 'Step 5: tumor growth', 'Peinado et al. (2012)', ['met']],
  ['Melanoma', 'PD-L1', 'T cells', 'PD-1', 'Step 3: immunosuppressive', 'Chen et al. (2018)', ['pd-l1']],
  ['Melanoma', 'snRNA', 'Lung epithelial cells', 'TLR3', 'Step 5: TASCs', 'Liu et al. (2016b)', ['snrna']],
  ['Melanoma', 'CD151', 'Lung, lymph node and stromal cells', '-', 'Step 4: location', 'Malla et al. (2018)', ['cd151']],
  ['Melanoma', 'Fas', 'T cells', 'MMP9', 'Step 3: immunosuppressive', 'Cai et al. (2012)', ['fas']],
  ['Melanoma', 'miR-191; let-7a', 'Melanoma cells', '-', 'Step 1: EMT', 'Xiao et al. (2016)', ['mir-191', 'let-7a']],
  // One component: a class of factors, not two molecules.
  ['Melanoma', 'Immunomodulatory, proangiogenic factors', 'Melanoma cells', '-', 'Step 2: angiogenesis; Step 3: immunosuppressive', 'Ekstrom et al. (2014)', ['immunomodulatory-proangiogenic-factors']],
  ['Melanoma', 'HSP70', 'NK cells', '-', 'Step 3: immunosuppressive', 'Elsner et al. (2007)', ['hsp70']],
  ['Melanoma', 'uPAR', 'HMVECs; ECFCs', 'ERK1,2', 'Step 2: angiogenesis', 'Biagioni et al. (2021)', ['upar']],
  ['Melanoma', 'miR-106b-5p', 'Melanoma cells', 'EphA4', 'Step 5: MET', 'Luan et al. (2021)', ['mir-106b-5p']],
  ['Melanoma', 'miR-155-5p', 'CAFs', 'SOCS1/JAK2/STAT3', 'Step 2: angiogenesis', 'Zhou X. et al. (2018)', ['mir-155-5p']],

  // Multiple myeloma (BM-MSC) — 3 rows
  ['Multiple myeloma (BM-MSC)', 'miR-15a', 'MM cells', 'FAK', 'Step 1: enhance invasion ability', 'Roccaro et al. (2013)', ['mir-15a']],
  ['Multiple myeloma (BM-MSC)', 'miR-let-7c', 'ECs', '-', 'Step 2: TDEs promote angiogenesis by activating macrophages', 'Tian et al. (2021)', ['let-7c']],
  ['Multiple myeloma (BM-MSC)', 'miR-135b', 'EC', 'HIF-FIH', 'Step 2', 'Umezu et al. (2014)', ['mir-135b']],

  // Mesothelioma — 1 row
  ['Mesothelioma', 'TGF-β', 'Fibroblasts', 'SMAD', 'Step 1: influence the relationship between tumor cells and cell matrix', 'Webber et al. (2010)', ['tgf-b']],

  // NPC — 5 rows (4 before the page break, 1 after it)
  ['NPC', 'HIF1α', 'NPC cells', 'LMP1', 'Step 1', 'Aga et al. (2014)', ['hif1a']],
  ['NPC', 'miR-23a', 'EC', 'TSGA10', 'Step 2: angiogenesis', 'Bao et al. (2018)', ['mir-23a']],
  ['NPC', 'MMP13', 'NPC cells', '-', 'Step 1; Step 2: angiogenesis', 'You et al. (2015)', ['mmp13']],
  ['NPC', 'circMYC', 'NPC cells', '-', 'Enhance metastases', 'Luo et al. (2020a)', ['circmyc']],
  ['NPC', 'LMP1', 'NPC cells', '-', 'Step 1: EMT', 'Aga et al. (2014)', ['lmp1']],

  // Ovarian cancer — 11 rows
  ['Ovarian cancer', 'FasL', 'T cells', 'CD3-zeta', 'Step 3: immunosuppressive', 'Taylor et al. (2003)', ['fasl']],
  ['Ovarian cancer', 'ATF2; MTA1; ROCK1/2', 'HUVECs', '-', 'Step 2: angiogenesis', 'Yi et al. (2015)', ['atf2', 'mta1', 'rock1-2']],
  ['Ovarian cancer', 'GNA12; EPHA2; COIA1', 'MSCs; ECs', '-', 'Step 5', 'Sharma et al. (2018b)', ['gna12', 'epha2', 'coia1']],
  ['Ovarian cancer', 'CD44', 'HPMCs', '-', 'Step 1', 'Nakamura et al. (2017a)', ['cd44']],
  ['Ovarian cancer', 'circWHSC1', 'HPMCs', 'miR-145; miR-1182', 'Step 2', 'Nakamura et al. (2017b); Zong et al. (2019)', ['circwhsc1']],
  ['Ovarian cancer', 'miR-375', 'Ovarian cancer cells', 'CA-125', 'Enhance metastases', 'Su et al. (2019)', ['mir-375']],
  ['Ovarian cancer', 'miR-7', 'EOC', 'EGFR, AKT, ERK1/2', 'Decrease metastases', 'Hu et al. (2017)', ['mir-7']],
  ['Ovarian cancer', 'LncRNA FAL1', 'Ovarian cancer cells', 'PTEN/AKT', 'Enhance metastases', 'Hu et al. (2017)', ['lncrna-fal1']],
  ['Ovarian cancer', 'miR-6780b-5p', 'Ovarian cancer cells', '-', 'Step 1: EMT', 'Cai et al. (2021)', ['mir-6780b-5p']],
  ['Ovarian cancer', 'circRNA051239', 'Ovarian cancer cells', '-', 'Step 5', 'Ma R. et al. (2021)', ['circrna051239']],
  ['Ovarian cancer', 'LncRNA MALAT1', 'HUVECs', '-', 'Step 2: angiogenesis', 'Qiu et al. (2018a)', ['lncrna-malat1']],

  // Pancreatic cancer — 9 rows
  ['Pancreatic cancer', 'MIF', 'Liver Kupfer cells', '-', 'Step 5: tumor growth', 'Costa-Silva et al. (2015)', ['mif']],
  ['Pancreatic cancer', 'miR-301a-3p', 'Macrophages', 'PTEN/PI3Kγ', 'Step 2: active macrophages', 'Wang X. et al. (2018)', ['mir-301a-3p']],
  ['Pancreatic cancer', 'circ-IARS', 'HUVECs', '-', 'Enhance metastases', 'Li J. et al. (2018)', ['circ-iars']],
  ['Pancreatic cancer', 'Lin28B', 'CAFs', 'let-7, HMGA2, PDGFB', 'Step 5', 'Zhang et al. (2019c)', ['lin28b']],
  ['Pancreatic cancer', 'miR-501-3p', 'Pancreatic ductal adenocarcinoma', 'TGFBR3, TGF-β', 'Enhance metastases', 'Yin et al. (2019)', ['mir-501-3p']],
  ['Pancreatic cancer', 'lncRNA Sox2ot', 'Pancreatic ductal adenocarcinoma', '-', 'Step 1: EMT', 'Li Z. et al. (2018)', ['lncrna-sox2ot']],
  ['Pancreatic cancer', 'CD151, Tspan8', 'ASML', '-', 'Step 1: matrix degradation', 'Yue et al. (2015)', ['cd151', 'tspan8']],
  ['Pancreatic cancer', 'miR92a-3p', 'Pancreatic ductal adenocarcinoma', 'PTEN/Akt', 'Step 1: EMT', 'Yang et al. (2020a)', ['mir-92a-3p']],
  // CD44v6/C1QBP is one complex, so one component.
  ['Pancreatic cancer', 'CD44v6/C1QBP', 'Pancreatic ductal adenocarcinoma', '-', 'Step 5', 'Xie et al. (2021)', ['cd44v6-c1qbp']],

  // Prostate cancer — 7 rows
  ['Prostate cancer', 'αvβ6 Integrin', 'Prostate cancer cells', '-', 'Step 4', 'Lazaro-Ibanez et al. (2014)', ['itgavb6']],
  ['Prostate cancer', 'miR-1246', 'Prostate cancer cells', 'N-cadherin; vimentin', 'Step 1: EMT', 'Bhagirath et al. (2018)', ['mir-1246']],
  ['Prostate cancer', 'miR-940', 'Osteoblastic', 'ARHGAP1, FAM134A', 'Enhance metastases', 'Bhagirath et al. (2018)', ['mir-940']],
  ['Prostate cancer', 'miR-26a', 'Prostate cancer cells', '-', 'Step 1: EMT', 'Wang et al. (2019f)', ['mir-26a']],
  ['Prostate cancer', 'PKM2', 'BMSCs', 'CXCL12', 'Step 5', 'Dai et al. (2019)', ['pkm2']],
  ['Prostate cancer', 'PSGR', 'Prostate cancer cells', '-', 'Step 1: EMT', 'Li et al. (2021)', ['psgr']],
  // 'TNF1α' is read as TNF-α (the prose lists TNF-α among TDE EMT drivers citing the same study).
  ['Prostate cancer', 'TGF-β2, TNF1α, IL6, TSG101, Akt, ILK, β-catenin', 'Prostate cancer cells', '-', 'Step 1: matrix degradation', 'Ramteke et al. (2015)', ['tgf-b2', 'tnf-a', 'il6', 'tsg101', 'akt', 'ilk', 'b-catenin']],
];

function stepNumberOf(step: string): Table2Row['stepNumber'] {
  const m = /Step ([1-5])/.exec(step);
  if (!m) return null;
  return Number(m[1]) as 1 | 2 | 3 | 4 | 5;
}

/** Every row of Table 2, in the table's order (127 rows over 19 cancer types). */
export const TABLE2_ROWS: readonly Table2Row[] = RAW.map(
  ([cancerType, component, targetCells, regulation, step, reference, cargoIds], i) => ({
    row: i + 1,
    cancerType,
    component,
    targetCells,
    regulation,
    step,
    stepNumber: stepNumberOf(step),
    reference,
    cargoIds: [...cargoIds],
  }),
);

/** Number of Table 2 rows per verbatim cancer-type label, counted from TABLE2_ROWS. */
export const TABLE2_ROW_COUNTS: Record<string, number> = TABLE2_ROWS.reduce<Record<string, number>>((acc, r) => {
  acc[r.cancerType] = (acc[r.cancerType] ?? 0) + 1;
  return acc;
}, {});
