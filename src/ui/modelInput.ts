/**
 * Saved models in and out on the page, without TensorFlow.js: the zip of model.json + weights.bin
 * (fflate), picking the files back up (the zip, or the two files), and `?model=<url>` (the zip, or
 * model.json with the weights beside it as its manifest names them, as tf.io's http loader reads
 * them). The worker checks the contents; this module only finds the two files.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { MODEL_JSON_NAME, WEIGHTS_NAME, type ModelFiles } from '../model/modelFileFormat';
import { fetchRefusal } from '../data/fetchPolicy';

/** The two files as found; null where one is missing (the worker says which). */
export interface ModelInput {
  /** What to call the model in messages and the runs table (the zip's or model.json's name). */
  name: string;
  modelJson: string | null;
  weights: ArrayBuffer | null;
}

export function zipModel(files: ModelFiles): Uint8Array {
  // Weights are float noise to deflate: stored as they are.
  return zipSync({ [MODEL_JSON_NAME]: strToU8(files.modelJson), [WEIGHTS_NAME]: [new Uint8Array(files.weights), { level: 0 }] });
}

const copy = (u: Uint8Array): ArrayBuffer => u.slice().buffer as ArrayBuffer;
const baseName = (path: string) => path.split('/').pop() ?? path;

/** model.json and weights.bin from a zip (also inside one folder, as a zipped directory is). */
export function modelFromZip(name: string, bytes: Uint8Array): ModelInput {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new Error(`${name} is not a readable zip (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
  const find = (file: string) => Object.entries(entries).find(([path]) => baseName(path) === file)?.[1];
  const json = find(MODEL_JSON_NAME);
  const weights = find(WEIGHTS_NAME);
  if (!json && !weights) throw new Error(`${name} holds neither ${MODEL_JSON_NAME} nor ${WEIGHTS_NAME}: it is not a saved model.`);
  return { name, modelJson: json ? strFromU8(json) : null, weights: weights ? copy(weights) : null };
}

/** The files the user picked: one .zip, or model.json and weights.bin (any names ending .json / .bin). */
export async function modelFromFiles(files: File[]): Promise<ModelInput> {
  if (files.length === 0) throw new Error('No file chosen.');
  const zip = files.find((f) => /\.zip$/i.test(f.name));
  if (zip) {
    if (files.length > 1)
      throw new Error(`Choose either a model .zip or ${MODEL_JSON_NAME} with ${WEIGHTS_NAME}, not both (${files.map((f) => f.name).join(', ')}).`);
    return modelFromZip(zip.name, new Uint8Array(await zip.arrayBuffer()));
  }
  const json = files.find((f) => /\.json$/i.test(f.name));
  const bin = files.find((f) => /\.bin$/i.test(f.name));
  const other = files.filter((f) => f !== json && f !== bin);
  if (other.length > 0) throw new Error(`${other[0].name} is not part of a saved model: choose the model's .zip, or ${MODEL_JSON_NAME} with ${WEIGHTS_NAME}.`);
  return { name: json?.name ?? bin!.name, modelJson: json ? await json.text() : null, weights: bin ? await bin.arrayBuffer() : null };
}

/** `?model=` links follow the data links' rule (data/fetchPolicy.ts): the page's own origin, or https. */
export function checkModelUrl(url: string, base: string): URL {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    throw new Error(`?model=${url} is not a valid address.`);
  }
  const refusal = fetchRefusal(u.href, new URL(base).origin);
  if (refusal) throw new Error(`?model=${url}: ${refusal}`);
  return u;
}

async function fetchBytes(url: URL, what: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(
      `cannot fetch ${what} from ${url.href} (${e instanceof Error ? e.message : String(e)}): offline, a wrong address, or the server does not allow cross-origin reads (CORS).`,
      { cause: e },
    );
  }
  if (!res.ok) throw new Error(`the server answered HTTP ${res.status} for ${what} at ${url.href}.`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A model from `?model=<url>`: a .zip, or model.json whose manifest names the weights file beside it. */
export async function modelFromUrl(url: string, base: string): Promise<ModelInput> {
  const u = checkModelUrl(url, base);
  const name = baseName(decodeURIComponent(u.pathname)) || u.href;
  const bytes = await fetchBytes(u, name);
  if (/\.zip$/i.test(u.pathname) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return modelFromZip(name, bytes);
  const modelJson = strFromU8(bytes);
  let path: string = WEIGHTS_NAME;
  try {
    const manifest = JSON.parse(modelJson)?.weightsManifest?.[0]?.paths?.[0];
    if (typeof manifest === 'string') path = manifest;
  } catch {
    return { name, modelJson, weights: null }; // not JSON: the worker says so
  }
  const weightsUrl = checkModelUrl(new URL(path, u).href, base);
  return { name, modelJson, weights: copy(await fetchBytes(weightsUrl, WEIGHTS_NAME)) };
}
