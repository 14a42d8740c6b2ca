// In the browser bundles the gradients come from tfjs-core's ES modules.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
