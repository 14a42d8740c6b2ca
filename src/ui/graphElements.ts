/** Element ids shared by the network view and anything that highlights in it. */
export const nodeElementId = (i: number) => `n${i}`;
