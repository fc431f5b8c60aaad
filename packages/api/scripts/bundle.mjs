// Bundles the compiled CLI (dist/cli.js, from tsc) and the packages it imports into a few files
// under dist/bundle/. Node then reads a handful of files at start instead of resolving, reading
// and compiling about two thousand modules one by one: a `serve` restart or a `hoi query` spends
// most of its first second there otherwise. The serve command's HTTP stack stays in its own chunk,
// loaded only by `serve`.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const api = join(here, '..')
const local = createRequire(join(api, 'package.json'))

// loaded from node_modules at run time: native code, packages that find their own files, and the
// heavy ones loaded only when asked for (XLSX export, tracing, KurrentDB)
const external = [
  'better-sqlite3',
  'pg-native',
  'exceljs',
  '@eventstore/db-client',
  '@opentelemetry/*',
  'swagger-ui-dist',
  // optional packages Nest and Fastify look for and do without
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@nestjs/websockets',
  '@nestjs/websockets/*',
  '@nestjs/platform-express',
  'class-validator',
  'class-transformer',
  'class-transformer/*',
  '@fastify/static',
  '@fastify/view',
]

// fastify checks its log controller with instanceof: the bundle must use the one copy Nest's adapter loads
const nestFastify = createRequire(local.resolve('@nestjs/platform-fastify')).resolve('fastify')
const sameFastify = {
  name: 'nest-fastify',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]http[\\/]nest-fastify\.js$/ }, () => ({
      contents: `import fastify from ${JSON.stringify(nestFastify)}\nexport const nestFastifyLogController = () => fastify.LogController\n`,
      loader: 'js',
      resolveDir: api,
    }))
  },
}

const started = performance.now()
const outdir = process.argv[2] ?? join(api, 'dist', 'bundle')
// chunk names carry a hash of their content: the last build's files would stay beside the new ones
rmSync(outdir, { recursive: true, force: true })
const result = await build({
  // the worker's file sits beside the chunk that starts it, under the name it has in dist/cli/
  entryPoints: { hoi: join(api, 'dist', 'cli.js'), 'summary-worker': join(api, 'dist', 'cli', 'summary-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Nest and error messages read class and function names
  keepNames: true,
  // less text for V8 to scan and compile at every start
  minify: true,
  external,
  plugins: [sameFastify],
  // CommonJS packages inside an ES module bundle still call require for Node's own modules
  banner: { js: "import { createRequire as __hoiRequire } from 'node:module';\nconst require = __hoiRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
})
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
process.stdout.write(`bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms\n`)
