/**
 * `npm run cli -- <command> …`: a small dispatcher so each sub-command lives in its own module.
 * Add a command by adding an entry to COMMANDS.
 */
import './relaxedSimd'; // first: before any kernel compiles
import { exportCommand } from './exportGraph';
import { exportPygCommand } from './exportPyg';
import { runInspect } from './inspect';
import { predictCommand } from './predict';
import { trainCommand } from './train';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  inspect: {
    run: runInspect,
    help: 'inspect <files…> [--columns FILE=source:1,target:2,label:3] [--drugbank-proteins off|targets|all] [--json]   load files as the app would and print the load report',
  },
  export: {
    run: exportCommand,
    help: 'export <files…> --format graphml|gexf|cx2|cyjs|csv|tsv --out FILE [--top K] [--model-file PATH] [train options] [--json]   train (or load a model), then write the graph with its predictions',
  },
  predict: {
    run: predictCommand,
    help: 'predict <files…> --out FILE [--what known|candidates|all] [--top K] [--format csv|tsv] [--model-file PATH] [--json] [train options]   train (or load a model), then write predictions as CSV/TSV',
  },
  train: {
    run: trainCommand,
    help: 'train <files…> [--split f.json] [--model …] [--task link|type|node] [--epochs N] [--seed S] [--backend cpu|wasm|webgpu] [--save-model DIR] [--model-file PATH] [--run-card FILE.json|.md] [--seeds 0-9] [--json]   train and evaluate (or evaluate a saved model); --seeds: one run per seed, then mean ± std',
  },
  'export-pyg': {
    run: exportPygCommand,
    help: 'export-pyg <files…> [--split f.json] [settings flags of train] --out DIR[.zip]   write a PyTorch Geometric project for the same run',
  },
};

function usage(): string {
  return ['usage: npm run cli -- <command> [args]', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`error: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  return cmd.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
