// In the browser bundles the gradients come from tfjs-core's ES modules. tfjs-core's entry goes first:
// it registers the environment flags that registering a gradient reads (the dev server's pre-bundled
// copy would otherwise run the gradients first: "Cannot evaluate flag 'DEBUG'").
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
