/// <reference lib="webworker" />
/**
 * Parse worker: loads dropped files and `?data=` URLs off the main thread, so the page stays responsive
 * while a 2 GB DrugBank export streams through.
 */
import * as Comlink from 'comlink';
import { createParserApi, installLoadErrorTransfer } from './parserService';

installLoadErrorTransfer();
Comlink.expose(createParserApi());
