/**
 * The page's side of model files: the zip written and read back (also from a zipped folder), the
 * files a user picks (a zip, or model.json with weights.bin), and the rule for `?model=` links.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkModelUrl, modelFromFiles, modelFromZip, zipModel } from '../../../src/ui/modelInput';

const weights = Float32Array.from([1.5, -2, 3.25]).buffer;
const files = { modelJson: '{"format":"drug-gnn-playground-model/1"}', weights };

describe('model zip and picked files', () => {
  it('reads back what it zipped, also from a folder inside the zip', () => {
    const back = modelFromZip('m.zip', zipModel(files));
    expect(back.modelJson).toBe(files.modelJson);
    expect(Array.from(new Float32Array(back.weights!))).toEqual([1.5, -2, 3.25]);
    const nested = zipSync({ 'my-model/model.json': new TextEncoder().encode('{}'), 'my-model/weights.bin': new Uint8Array(4) });
    expect(modelFromZip('n.zip', nested)).toMatchObject({ name: 'n.zip', modelJson: '{}' });
  });

  it('says which zip is not a zip or not a model', () => {
    expect(() => modelFromZip('broken.zip', new Uint8Array([80, 75, 3, 4, 1, 2]))).toThrow(/^broken\.zip is not a readable zip/);
    expect(() => modelFromZip('photos.zip', zipSync({ 'a.jpg': new Uint8Array(3) }))).toThrow(/photos\.zip holds neither model\.json nor weights\.bin/);
    // One of the two: found, the other null (the worker then names the missing one).
    expect(modelFromZip('half.zip', zipSync({ 'model.json': new Uint8Array([123, 125]) })).weights).toBeNull();
  });

  it('takes a zip, or model.json with weights.bin, and refuses other picks by name', async () => {
    const zip = new File([zipModel(files) as BlobPart], 'demo.model.zip');
    expect((await modelFromFiles([zip])).modelJson).toBe(files.modelJson);
    const pair = await modelFromFiles([new File([weights], 'weights.bin'), new File([files.modelJson], 'model.json')]);
    expect(pair).toMatchObject({ name: 'model.json', modelJson: files.modelJson });
    expect(pair.weights!.byteLength).toBe(12);
    expect((await modelFromFiles([new File([files.modelJson], 'model.json')])).weights).toBeNull();
    await expect(modelFromFiles([zip, new File(['{}'], 'model.json')])).rejects.toThrow(/either a model \.zip or model\.json with weights\.bin, not both/);
    await expect(modelFromFiles([new File(['x'], 'notes.txt')])).rejects.toThrow(/^notes\.txt is not part of a saved model/);
  });
});

describe('?model= links', () => {
  const page = 'http://127.0.0.1:4173/some/sub-path/';
  it('allows the page’s own site (relative links too) and https; refuses http elsewhere', () => {
    expect(checkModelUrl('models/m.zip', page).href).toBe('http://127.0.0.1:4173/some/sub-path/models/m.zip');
    expect(checkModelUrl('https://example.org/m.zip', page).protocol).toBe('https:');
    expect(() => checkModelUrl('http://example.org/m.zip', page)).toThrow(/must be on this site or use https/);
    expect(() => checkModelUrl('http://[bad', page)).toThrow(/not a valid address/);
  });
});
