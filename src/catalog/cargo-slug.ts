/**
 * The stable id of a component name ("slug rule"):
 * 1. an integrin written αXβY (optionally with the word 'integrin' before or after) becomes
 *    'itg' + 'a' + X + 'b' + Y, lower-case: 'α6β4' → 'itga6b4', 'αvβ6 Integrin' → 'itgavb6';
 * 2. Greek letters are spelled with one Latin letter: α→a, β→b, γ→g, δ→d, κ→k;
 * 3. lower-case; a species prefix 'hsa-'/'mmu-' is dropped; 'mirna-'/'microrna-' and a 'mir'
 *    glued to a number become 'mir-' ('miRNA-503' → 'mir-503', 'miR92a-3p' → 'mir-92a-3p');
 *    'mir-let-' becomes 'let-' ('miR-let-7c' → 'let-7c');
 * 4. every run of other characters (spaces, '/', '_', ',', ';', brackets) becomes one '-',
 *    and leading/trailing '-' are dropped ('TGF-β' → 'tgf-b', 'circ_MMP2' → 'circ-mmp2').
 */
export function cargoSlug(component: string): string {
  const trimmed = component.trim();
  const integrin = /^(?:integrin\s*)?α([0-9a-z]+)β([0-9]+)(?:\s*integrin)?$/i.exec(trimmed);
  if (integrin) return `itga${integrin[1]}b${integrin[2]}`.toLowerCase();
  const greek: Readonly<Record<string, string>> = { α: 'a', β: 'b', γ: 'g', δ: 'd', κ: 'k' };
  return trimmed
    .replace(/[αβγδκ]/g, (ch) => greek[ch] ?? ch)
    .toLowerCase()
    .replace(/^(?:hsa|mmu)-/, '')
    .replace(/^(?:microrna|mirna)-?/, 'mir-')
    .replace(/^mir(?=\d)/, 'mir-')
    .replace(/^mir-let-/, 'let-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

