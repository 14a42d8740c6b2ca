/// <reference lib="webworker" />
/** Trainer worker: owns TensorFlow.js so that training never blocks the page. */
import * as Comlink from 'comlink';
import { TrainerService } from './trainerService';

Comlink.expose(new TrainerService());
