/** Element ids shared by the network view and anything that highlights in it. */
export const nodeElementId = (i: number) => `n${i}`;
export const knownEdgeId = (i: number) => `e${i}`;
export const candidateEdgeId = (a: number, b: number) => `c${a}-${b}`;
