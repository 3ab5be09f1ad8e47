/** The dataset that ships with the extension, bundled as text (see esbuild.js) so that its
 *  problems, if any, are located exactly like a user's. */
import bundledText from '../../../media/datasets/us-transfer-is-detainees.facts.json';

export const BUNDLED_DATASET_FILE = 'bundled:us-transfer-is-detainees.facts.json';
export const BUNDLED_DATASET_TEXT: string = bundledText as unknown as string;
