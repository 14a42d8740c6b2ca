/**
 * The one door to TensorFlow.js: the core API with the CPU and WebGL backends registered. Everything
 * that runs tensors imports `tf` from here, so the browser bundles hold the parts used rather than
 * the `@tensorflow/tfjs` umbrella (tfjs-layers, -converter, -data; only Node still loads it, for the
 * gradients). The WASM and WebGPU backends are imported where they are chosen (workers/backends.ts, CLI).
 */
// Gradients are registered apart from the ops; which module does it depends on the runtime
// (package.json "imports": browser bundles vs Node).
import '#tfjs-gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';

export * from '@tensorflow/tfjs-core';
