// The page the screenshot script drives. It opens one step file with the
// JSON Schema that its `# yaml-language-server: $schema=…` comment names,
// the way VS Code with the Red Hat YAML extension does, and exposes the
// editor as window.shot for the script.
import * as monaco from 'monaco-editor'
import { configureMonacoYaml } from 'monaco-yaml'

globalThis.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    return new Worker(label === 'yaml' ? './yaml.worker.js' : './editor.worker.js')
  }
}

async function main() {
  // Written by take_screenshots.py: {path, text, schemas: [{uri, file}]}
  const data = await (await fetch('data/page.json')).json()
  const schemas = []
  for (const s of data.schemas) {
    const schema = await (await fetch('data/' + s.file)).json()
    // The uri is where the file's $schema comment points (resolved against
    // the file's own uri), so the modeline finds this schema. fileMatch is
    // what the archive's .vscode/settings.json would say.
    schemas.push({ uri: s.uri, fileMatch: s.fileMatch, schema })
  }
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: false,
    schemas
  })

  const uri = monaco.Uri.parse(data.uri)
  const model = monaco.editor.createModel(data.text, 'yaml', uri)
  const parts = data.path.split('/')
  document.getElementById('tabname').textContent = parts[parts.length - 1]
  document.getElementById('crumbs').textContent = parts.join('  ›  ')

  const editor = monaco.editor.create(document.getElementById('editor'), {
    model,
    theme: 'vs',
    fontFamily: "'DejaVu Sans Mono', monospace",
    fontSize: data.fontSize || 15,
    lineHeight: Math.round((data.fontSize || 15) * 1.45),
    minimap: { enabled: false },
    automaticLayout: true,
    scrollBeyondLastLine: true, // VS Code's default
    renderLineHighlight: 'line',
    hover: { enabled: true, delay: 100, sticky: true },
    quickSuggestions: false,
    suggest: { showStatusBar: false, preview: false },
    occurrencesHighlight: 'off',
    selectionHighlight: false,
    fixedOverflowWidgets: false
  })

  const problems = document.getElementById('problems')
  monaco.editor.onDidChangeMarkers(() => {
    const markers = monaco.editor.getModelMarkers({ resource: uri })
    const errors = markers.filter((m) => m.severity === monaco.MarkerSeverity.Error).length
    const warnings = markers.length - errors
    problems.textContent = `⊗ ${errors}   ⚠ ${warnings}`
  })
  problems.textContent = '⊗ 0   ⚠ 0'

  window.shot = {
    monaco,
    editor,
    model,
    markers: () =>
      monaco.editor.getModelMarkers({ resource: uri }).map((m) => ({
        line: m.startLineNumber,
        col: m.startColumn,
        severity: m.severity,
        message: m.message
      })),
    reveal(line) {
      editor.revealLineInCenterIfOutsideViewport(line)
    },
    // Put the cursor at line/column (1-based) and show what is there.
    hoverAt(line, column) {
      editor.focus()
      editor.setPosition({ lineNumber: line, column })
      editor.revealLineInCenterIfOutsideViewport(line)
      editor.trigger('shot', 'editor.action.showHover', {})
    },
    // The list opens below the line when there is room: show the line
    // near the top, as a clerk scrolls to what they type.
    suggestAt(line, column, nearTop) {
      editor.focus()
      editor.setPosition({ lineNumber: line, column })
      if (nearTop) editor.revealLineNearTop(line)
      else editor.revealLineInCenterIfOutsideViewport(line)
      editor.trigger('shot', 'editor.action.triggerSuggest', {})
    },
    // What Ctrl+Space again (or the list's "read more") does: the schema's
    // description of the selected item beside the list.
    suggestNext() {
      editor.trigger('shot', 'selectNextSuggestion', {})
    },
    suggestDetails() {
      editor.trigger('shot', 'toggleSuggestionDetails', {})
    },
    type(text) {
      editor.focus()
      editor.trigger('keyboard', 'type', { text })
    }
  }
  window.shotReady = true
}

main().catch((e) => {
  window.shotError = String(e && e.stack ? e.stack : e)
  console.error(e)
})
