/** Play/Pause, Step, Reset, the epoch counter, and one control per model setting (from the settings table). */
import { useEffect, useState } from 'react';
import { MODEL_PANEL_KEYS, modelSettingsOf, rowOf, type AppSettings, type SettingKey } from '../settings/schema';
import { applyPreset, PRESETS, usesPreset } from '../settings/presets';
import { settingApplies } from '../settings/applies';
import { isHeuristicKind } from '../settings/options';
import { useController, usePlayground } from './context';

/**
 * One control per row: a select for a list of options, else a text field checked by the row's parse
 * on Enter or leaving the field. A value the row refuses stays in the field, marked invalid with the
 * row's message (the same as a bad URL value gets), and the last good value stays in effect.
 */
export function SettingControl({ name }: { name: SettingKey }) {
  const controller = useController();
  const value = usePlayground((s) => s.settings[name]);
  const row = rowOf(name);
  const id = `setting-${row.key}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  // The complaint holds for the value it was made against: a new value from elsewhere (a preset, a
  // loaded model, the URL) replaces the typed text and ends it.
  const [complaint, setComplaint] = useState<{ against: unknown; text: string } | null>(null);
  const error = complaint && complaint.against === value ? complaint.text : null;
  const commit = (raw: string) => {
    const parsed = row.parse(raw);
    if ('error' in parsed) {
      setComplaint({
        against: value,
        text: `${raw.trim() === '' ? 'Empty' : `“${raw}”`}: ${parsed.error}. Still using ${row.label.toLowerCase()} ${String(value)}.`,
      });
      return;
    }
    setComplaint(null);
    void controller.changeSettings({ [name]: parsed.value } as Partial<AppSettings>);
  };
  return (
    <div className="setting">
      <label htmlFor={id}>{row.label}</label>
      {row.kind === 'enum' ? (
        <select id={id} value={String(value)} aria-describedby={helpId} onChange={(e) => commit(e.target.value)}>
          {row.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          // A new good value (from here, a preset or a loaded model) replaces whatever was typed.
          key={String(value)}
          defaultValue={String(value)}
          inputMode={row.kind === 'int' || row.kind === 'float' ? 'decimal' : undefined}
          aria-invalid={error !== null}
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commit((e.target as HTMLInputElement).value)}
        />
      )}
      {error && (
        <small id={errorId} className="setting-error" role="alert" data-testid={`setting-error-${row.key}`}>
          {error}
        </small>
      )}
      <small id={helpId}>{row.help}</small>
    </div>
  );
}

/** Slow epochs (a big graph on a software GPU can take minutes) say that they are running, and for how long. */
function RunningEpoch({ epoch }: { epoch: number }) {
  const [since] = useState(() => performance.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.floor((now - since) / 1000);
  if (seconds < 1) return null;
  return (
    <span className="muted" data-testid="epoch-running">
      {' '}
      · epoch {epoch} running, {seconds} s
    </span>
  );
}

export function TrainingButtons() {
  const controller = useController();
  const status = usePlayground((s) => s.status);
  const epoch = usePlayground((s) => s.history.at(-1)?.epoch ?? 0);
  const epochs = usePlayground((s) => s.settings.epochs);
  const ready = usePlayground((s) => s.graph !== null && s.backend !== null);
  const sweep = usePlayground((s) => s.sweep);
  const heuristic = usePlayground((s) => isHeuristicKind(s.settings.model));
  // Between a sweep's runs the model is briefly done: the button still pauses the sweep.
  const training = status === 'training' || sweep !== null;
  return (
    <div className="training-buttons">
      <button type="button" onClick={() => void controller.reset()} disabled={!ready} title="Rebuild the model from its seed">
        ⟲ Reset
      </button>
      <button
        type="button"
        className="play"
        data-testid="play"
        onClick={() => void (training ? controller.pause() : controller.play())}
        // After early stopping Play would do nothing: this model's run is over (Reset starts anew).
        disabled={!ready || (!training && (epoch >= epochs || status === 'stopped'))}
        title={
          status === 'stopped'
            ? heuristic
              ? 'A heuristic is scored once; change a setting to score again'
              : 'Early stopping ended this run; Reset or change a setting to train again'
            : undefined
        }
      >
        {training ? '❚❚ Pause' : heuristic ? '▶ Score' : '▶ Play'}
      </button>
      {!heuristic && (
        <button type="button" onClick={() => void controller.step()} disabled={!ready || training} title="Train one epoch">
          Step +1
        </button>
      )}
      <div className="epoch" data-testid="epoch">
        {/* A heuristic has no epochs: one evaluation is its whole run. */}
        {heuristic ? (
          epoch > 0 ? (
            'Scored — nothing to train'
          ) : (
            'Not scored yet'
          )
        ) : (
          <>
            Epoch <strong>{epoch}</strong> / {epochs}
          </>
        )}
        {sweep && (
          <span data-testid="sweep-progress">
            {' '}
            · run {sweep.index + 1} of {sweep.size} (seed {sweep.seed})
          </span>
        )}
        {training && <RunningEpoch key={epoch} epoch={epoch + 1} />}
      </div>
    </div>
  );
}

/** One click per preset (src/settings/presets.ts): its values over the defaults, keeping the data's and the evaluation's settings. */
function ModelPresets() {
  const controller = useController();
  const settings = usePlayground((s) => s.settings);
  return (
    <div className="setting presets" role="group" aria-label="Presets">
      {PRESETS.map((preset) => (
        <button
          key={preset.name}
          type="button"
          data-testid={`preset-${preset.name}`}
          aria-pressed={usesPreset(modelSettingsOf(settings), preset)}
          onClick={() => void controller.changeSettings(applyPreset(modelSettingsOf(settings), preset))}
          title={preset.help}
        >
          {preset.label}
        </button>
      ))}
    </div>
  );
}

export function ControlsPanel() {
  const model = usePlayground((s) => s.settings.model);
  const relationCount = usePlayground((s) => s.graph?.relations?.length ?? 0);
  const kindCount = usePlayground((s) => s.graph?.kinds?.length ?? 1);
  return (
    <section className="panel controls" aria-label="Model settings">
      <h2>Model</h2>
      <ModelPresets />
      {/* Only the controls that change something for this model (src/settings/applies.ts). */}
      {MODEL_PANEL_KEYS.filter((k) => settingApplies(k, model, relationCount, kindCount)).map((k) => (
        <SettingControl key={k} name={k} />
      ))}
    </section>
  );
}
