/** File names of exports, from the data set's name: letters, digits, dot, dash and underscore only. */
export function graphFileName(dataset: string, extension: string): string {
  const base =
    dataset
      .replace(/\.[a-z0-9]+(\.gz|\.zip)?$/i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'graph';
  return `${base}.${extension}`;
}
