/**
 * The layer kinds by name, apart from the layers themselves: settings and the page's controls list
 * them without importing TensorFlow.js into the page.
 */
export type LayerKind = 'seed-gcn' | 'gcn' | 'sage' | 'gat' | 'gin' | 'mpnn';
export const LAYER_KINDS: readonly LayerKind[] = ['seed-gcn', 'gcn', 'sage', 'gat', 'gin', 'mpnn'];
