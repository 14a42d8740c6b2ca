// ESLint: typescript-eslint's recommended rules, the React hooks rules, and the import boundaries
// between the layers of src/ (who may import whom). `npm run lint`; docs/code-style.md explains them.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, one folder each. A file belongs to the first element whose folder holds it;
 * files directly in src/ (the page's entry point main.tsx, appVersion.ts) form "root".
 */
const ELEMENTS = [
  ...['data', 'model', 'workers', 'export', 'settings', 'ui', 'cli'].map((type) => ({
    type,
    pattern: `src/${type}`,
    partialMatch: false,
  })),
  { type: 'root', pattern: 'src', partialMatch: false },
];

/** The worker protocol: the types the page and the workers exchange. */
const WORKER_PROTOCOL = 'src/workers/protocol.ts';

/**
 * Model modules without TensorFlow.js: settings, file formats and split parameters, plain data and
 * small pure functions. The page (ui, settings) and the writers (export) may import their
 * values at run time; everything else of src/model only as types, because a value import would pull
 * TensorFlow.js into the page's start-up bundle. The policy "tfjs-free stays tfjs-free" below keeps
 * this list honest: these files may value-import nothing else of src/model and no TensorFlow.js.
 */
export const TFJS_FREE_MODEL = [
  'src/model/predictionRows.ts',
  'src/model/modelFileFormat.ts',
  'src/model/checkpointFormat.ts',
  'src/model/features/spec.ts',
  'src/model/split.ts',
  'src/model/rng.ts',
  'src/model/splitFileNames.ts',
];

const to = (...types) => ({ to: { element: { type: types } } });
const toFile = (path) => ({ to: { file: { path } } });
const types = { dependency: { kind: 'type' } };
const values = { dependency: { kind: 'value' } };
/** The page: the UI, the settings schema, and the entry point. */
const PAGE = ['ui', 'settings', 'root'];

// Policies are read in order and the last one that matches an import decides.
export const BOUNDARY_POLICIES = [
  // Data parsing is the bottom layer: it knows graphs and files, nothing above it.
  {
    from: { element: { type: 'data' } },
    disallow: to('model', 'workers', 'ui', 'settings', 'export', 'cli', 'root'),
    message: 'src/data is the bottom layer: it may not import {{dependency.source}} ({{to.element.type}}).',
  },
  // Exceptions in src/data today, each to go when the named piece moves.
  {
    // The small-graph warning quotes the split's validation/test fractions.
    from: { file: { path: 'src/data/loadFiles.ts' } },
    allow: toFile('src/model/split.ts'),
  },
  {
    // Split fingerprints hash a LinkSplit, whose type is defined next to the split code.
    from: { file: { path: 'src/data/fingerprint.ts' } },
    allow: { ...toFile('src/model/split.ts'), ...types },
  },

  // The model is free of UI, workers and page state; it may use the settings schema.
  {
    from: { element: { type: 'model' } },
    disallow: to('ui', 'workers', 'cli', 'root'),
    message: 'src/model may not import {{dependency.source}} ({{to.element.type}}): the model is free of UI, workers and page state.',
  },

  // The page reaches the model through the worker protocol: model types only, at run time nothing.
  {
    from: { element: { type: PAGE } },
    disallow: { ...to('model'), ...values },
    message:
      '{{from.element.type}} may import {{dependency.source}} only as a type (`import type`): a value import pulls TensorFlow.js into the page. Talk to the model through src/workers/protocol.ts, or add a tfjs-free module to TFJS_FREE_MODEL in eslint.config.js.',
  },
  {
    from: { element: { type: PAGE } },
    disallow: to('workers', 'cli'),
    message: '{{from.element.type}} may not import {{dependency.source}}: the page talks to the workers only through the types of src/workers/protocol.ts.',
  },
  {
    from: { element: { type: PAGE } },
    allow: { ...toFile(WORKER_PROTOCOL), ...types },
  },

  // Export is pure writers: data, settings, model types, tfjs-free model values.
  {
    from: { element: { type: 'export' } },
    disallow: to('ui', 'workers', 'cli', 'root'),
    message: 'src/export holds pure writers: it may not import {{dependency.source}} ({{to.element.type}}).',
  },
  {
    from: { element: { type: 'export' } },
    disallow: { ...to('model'), ...values },
    message: 'src/export may import {{dependency.source}} only as a type, or add a tfjs-free module to TFJS_FREE_MODEL in eslint.config.js.',
  },
  {
    // GEXF files colour drugs as the network view does; the palette is a dependency-free module.
    from: { file: { path: 'src/export/gexf.ts' } },
    allow: toFile('src/ui/colorScale.ts'),
  },

  // Workers run the model for the page; they never import the page's UI.
  {
    from: { element: { type: 'workers' } },
    disallow: to('ui', 'cli', 'root'),
    message: 'src/workers may not import {{dependency.source}} ({{to.element.type}}).',
  },
  // The CLI may use anything but the browser UI.
  {
    from: { element: { type: 'cli' } },
    disallow: to('ui', 'root'),
    message: 'src/cli may not import the browser UI ({{dependency.source}}).',
  },
  // appVersion.ts is a dependency-free leaf everyone may read.
  { allow: toFile('src/appVersion.ts') },

  // tfjs-free model modules: the page and the writers may import their values ...
  {
    from: { element: { type: [...PAGE, 'export'] } },
    allow: { to: { file: { categories: 'tfjs-free' } } },
  },
  // ... so they must stay tfjs-free: no values from the rest of src/model.
  {
    from: { file: { categories: 'tfjs-free' } },
    disallow: { ...to('model'), ...values },
    message: '{{dependency.source}} is not in TFJS_FREE_MODEL: a tfjs-free model module may import it only as a type.',
  },
  {
    from: { file: { categories: 'tfjs-free' } },
    allow: { to: { file: { categories: 'tfjs-free' } } },
  },
];

/** Packages that load in the workers (and the CLI) only: elsewhere their types, never their code. */
const HEAVY_PACKAGES = {
  patterns: [
    {
      group: ['@tensorflow/*', '@rdkit/*'],
      allowTypeImports: true,
      message: 'TensorFlow.js and RDKit run in the workers: import their types only (`import type`).',
    },
  ],
};

export default defineConfig(
  { ignores: ['dist/**', 'public/**', 'coverage/**', '.vite/**', 'test-results/**', 'bench-results/**', 'src/model/kernels/assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters already fail the build; keep the lint's view the same
      // and allow the `_name` convention for deliberately unused parameters.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // React lives in the page only (tests' `use…` helpers are vitest fixtures, not hooks). The
    // recommended set includes the React Compiler's checks (refs read or written during render, …).
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx', 'src/entry.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': TFJS_FREE_MODEL.map((pattern) => ({ category: 'tfjs-free', pattern })),
      'boundaries/include': ['src/**/*.{ts,tsx}'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkInternals: true, policies: BOUNDARY_POLICIES }],
    },
  },
  {
    // The page, the parsers and the writers, and the tfjs-free model modules that the page loads.
    files: ['src/{ui,settings,data,export}/**/*.{ts,tsx}', 'src/*.{ts,tsx}', ...TFJS_FREE_MODEL],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', HEAVY_PACKAGES] },
  },
);
