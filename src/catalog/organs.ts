/**
 * The secondary organs of the model: the five the review names as the main metastatic sites
 * ("lung, brain, lymph node, bone, and liver").
 */

/** Every organ id, in a fixed order. */
export const ORGAN_IDS = ['lung', 'liver', 'bone', 'brain', 'lymph-node'] as const;

/** One organ of the model. */
export type OrganId = (typeof ORGAN_IDS)[number];

/** Display label of each organ. */
export const ORGAN_LABELS: Record<OrganId, string> = {
  lung: 'Lung',
  liver: 'Liver',
  bone: 'Bone',
  brain: 'Brain',
  'lymph-node': 'Lymph node',
};

const ORGAN_ID_SET: ReadonlySet<string> = new Set<string>(ORGAN_IDS);

/** True when `s` is an organ id of the model. */
export function isOrganId(s: string): s is OrganId {
  return ORGAN_ID_SET.has(s);
}
