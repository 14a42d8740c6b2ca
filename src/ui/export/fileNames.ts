/** Safe, short file names from data set names (which come from files and may hold anything). */
export function slug(name: string, fallback = 'data'): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40);
  return s || fallback;
}
