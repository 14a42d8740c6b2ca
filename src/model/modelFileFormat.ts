/** Names of the model files, apart from the tfjs code that writes them, so the page can use them without loading TensorFlow.js. */
export const MODEL_FILE_FORMAT = 'drug-gnn-playground-model/1';
export const MODEL_JSON_NAME = 'model.json';
export const WEIGHTS_NAME = 'weights.bin';

/** model.json's text and weights.bin's bytes. */
export interface ModelFiles {
  modelJson: string;
  weights: ArrayBuffer;
}
