/**
 * Runs a view update in its own task after the next frame, so the frame that shows the page's
 * other changes (metrics, lists) and the frame that redraws the network are not one long task.
 * Returns a cancel function (for effect clean-ups).
 */
export function afterNextFrame(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
