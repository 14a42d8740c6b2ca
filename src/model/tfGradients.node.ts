// Node cannot load tfjs-core's extensionless ES modules, and its CommonJS build has no gradients:
// the umbrella package's Node build registers them on the same tfjs-core instance.
import '@tensorflow/tfjs';
