/**
 * "Load model…": a saved model (.zip, or model.json with weights.bin) back onto the graph in use.
 * The notice says what was loaded and which settings it brought, or why the file was refused.
 */
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ExportContext } from './types';

export function LoadModel({ ctx }: { ctx: ExportContext }) {
  const notice = useStore(ctx.store, (s) => s.modelNotice);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const load = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      // On first use: the unzip code (fflate) stays out of the page's start-up bundle.
      const { modelFromFiles } = await import('../modelInput');
      await ctx.controller.loadModel(await modelFromFiles(files));
    } catch (e) {
      ctx.store.setState({ modelNotice: { text: e instanceof Error ? e.message : String(e), error: true } });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = ''; // the same file can be chosen again
    }
  };
  return (
    <div className="load-model">
      <button
        type="button"
        disabled={busy}
        onClick={() => input.current?.click()}
        title="Load a model saved with “Model (.zip)”: the .zip, or model.json together with weights.bin"
      >
        {busy ? 'Loading model…' : 'Load model…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept=".zip,.json,.bin"
        data-testid="load-model-input"
        aria-label="Model file (.zip, or model.json and weights.bin)"
        onChange={(e) => void load(Array.from(e.target.files ?? []))}
      />
      <p className={notice?.error ? 'model-notice error' : 'model-notice muted small'} role="status" aria-live="polite" data-testid="model-notice">
        {notice?.text ?? ''}
      </p>
    </div>
  );
}
