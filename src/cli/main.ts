/**
 * `npm run cli -- <command> …`: a small dispatcher so each sub-command lives in its own module.
 * Add a command by adding an entry to COMMANDS.
 */
import { runInspect } from './inspect';
import { trainCommand } from './train';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  inspect: { run: runInspect, help: 'inspect <files…> [--columns FILE=source:1,target:2,label:3] [--json]   load files as the app would and print the load report' },
  train: { run: trainCommand, help: 'train <files…> [--split f.json] [--model …] [--task link|type|node] [--epochs N] [--seed S] [--backend cpu|wasm|webgpu] [--json]   train and evaluate' },
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
