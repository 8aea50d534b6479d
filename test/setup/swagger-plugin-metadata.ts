import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SwaggerModule } from '@nestjs/swagger';

type PluginMetadata = () => Promise<Record<string, unknown>>;

const ROOT = resolve(__dirname, '../..');
const SOURCE = join(ROOT, 'src');

/** The generated metadata depends on the DTO files, the plugin options and this checkout's path. */
function cacheKey(): string {
  const hash = createHash('sha256').update(SOURCE);
  for (const file of readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.dto.ts')) hash.update(file).update(readFileSync(join(SOURCE, file)));
  }
  hash.update(readFileSync(join(ROOT, 'nest-cli.json')));
  hash.update(readFileSync(join(ROOT, 'node_modules/@nestjs/swagger/package.json')));
  return hash.digest('hex').slice(0, 32);
}

async function generate(target: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fuyi-openapi-'));
  try {
    await promisify(execFile)(process.execPath, [
      join(__dirname, 'generate-swagger-metadata.mjs'),
      dir,
    ]);
    // The generated imports are relative to src/ and name compiled .js files.
    const text = readFileSync(join(dir, 'metadata.ts'), 'utf8').replace(
      /import\("\.\/([^"]+?)(?:\.js)?"\)/g,
      (_match, path: string) => `import(${JSON.stringify(join(SOURCE, path))})`,
    );
    writeFileSync(join(dir, 'metadata.ts'), text);
    renameSync(join(dir, 'metadata.ts'), target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Gives the e2e app the OpenAPI document `nest build` produces. Jest compiles with SWC, which runs
 * no TypeScript plugin, so the Swagger plugin's metadata (property types, limits, enums, query
 * parameters) is generated here (several seconds: it type-checks the DTOs; cached in the temp
 * folder by the DTOs' content) and loaded. Call it before createTestApp, which builds the document.
 */
export async function loadSwaggerPluginMetadata(): Promise<void> {
  const cacheDir = join(tmpdir(), 'fuyi-swagger-metadata');
  const file = join(cacheDir, `${cacheKey()}.ts`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    await generate(file);
  }
  const metadata = ((await import(file)) as { default: PluginMetadata }).default;
  await SwaggerModule.loadPluginMetadata(metadata);
}
