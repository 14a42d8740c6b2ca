/** Data sets shipped with the app (public/datasets), addressed relative to the page so any sub-path works. */
export interface BuiltinDataset {
  id: string;
  label: string;
  path: string;
}

export const BUILTIN_DATASETS: BuiltinDataset[] = [{ id: 'demo', label: 'Demo: well-known drug interactions', path: 'datasets/demo.json' }];

export const findBuiltin = (id: string): BuiltinDataset | undefined => BUILTIN_DATASETS.find((d) => d.id === id);
