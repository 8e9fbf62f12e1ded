// Bundle the screenshot editor page into dist/: Monaco + monaco-yaml (the
// yaml-language-server that VS Code's YAML extension runs) and its two web
// workers. The step file and the JSON Schema are not bundled: the Python
// script writes them to dist/data/ before it opens the page.
import { build } from 'esbuild'
import { copyFile, mkdir, rm } from 'node:fs/promises'

const outdir = new URL('./dist/', import.meta.url).pathname
await rm(outdir, { recursive: true, force: true })
await mkdir(outdir, { recursive: true })

const common = {
  bundle: true,
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  target: 'chrome110'
}

await build({
  ...common,
  entryPoints: { main: 'src/main.js' },
  outdir,
  format: 'iife',
  loader: { '.ttf': 'file' }
})

await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'yaml.worker': 'monaco-yaml/yaml.worker.js'
  },
  outdir,
  format: 'iife'
})

await copyFile('src/index.html', outdir + 'index.html')
console.log('built', outdir)
