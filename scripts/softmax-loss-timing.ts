/**
 * Times the two forms of softmaxCrossEntropy (src/model/linkLoss.ts) at DrugBank's size, 163 k
 * pairs × 86 interaction types, forward + backward as the optimiser runs them, on the wasm and cpu
 * backends (Node): the measurement behind the per-backend choice there.
 *   node --import tsx scripts/softmax-loss-timing.ts [rows] [cols] [repeats] [backends, e.g. wasm,cpu]
 */
import * as tf from '../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { softmaxCrossEntropyHost, softmaxCrossEntropyOps } from '../src/model/linkLoss';

const [rows, cols, repeats] = [Number(process.argv[2] ?? 163_098), Number(process.argv[3] ?? 86), Number(process.argv[4] ?? 5)];
const backends = (process.argv[5] ?? 'wasm,cpu').split(',');
const FORMS = { host: softmaxCrossEntropyHost, ops: softmaxCrossEntropyOps };

tf.enableProdMode(); // no "install tfjs-node" banner (and, unlike IS_TEST, no kernel leak check: as the app runs)
for (const backend of backends) {
  await tf.setBackend(backend);
  let state = 1;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const z = tf.variable(
    tf.tensor2d(
      Float32Array.from({ length: rows * cols }, () => 4 * rand() - 2),
      [rows, cols],
    ),
  );
  const labels = Int32Array.from({ length: rows }, () => Math.floor(rand() * cols));
  for (const [name, loss] of Object.entries(FORMS)) {
    const ms: number[] = [];
    let value = 0;
    for (let r = 0; r < repeats + 1; r++) {
      const t0 = performance.now();
      const { value: v, grads } = tf.variableGrads(() => loss(labels, z), [z]);
      // Read both so the time includes the work, as the trainer's await of the loss does.
      value = (await v.data())[0];
      await grads[z.name].data();
      tf.dispose([v, grads[z.name]]);
      if (r > 0) ms.push(performance.now() - t0); // the first call warms up
    }
    ms.sort((a, b) => a - b);
    console.log(
      `${backend} ${name}: ${rows} × ${cols}, median ${ms[ms.length >> 1].toFixed(0)} ms (min ${ms[0].toFixed(0)}, max ${ms.at(-1)!.toFixed(0)}), loss ${value.toFixed(6)}`,
    );
  }
  z.dispose();
}
