// Unit tests run TensorFlow.js on its plain-JS cpu backend: exact, and available everywhere.
import * as tf from '../../src/model/tf';

tf.env().set('IS_TEST', true); // silences the "install tfjs-node" banner
await tf.setBackend('cpu');
