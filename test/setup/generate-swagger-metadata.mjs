// Writes the @nestjs/swagger CLI plugin's metadata (what `nest build` compiles into the DTOs and
// controllers) to <outDir>/metadata.ts, with the plugin options of nest-cli.json. Jest compiles
// with SWC, which runs no TypeScript plugin: without this the e2e app documents empty schemas.
// Usage: node test/setup/generate-swagger-metadata.mjs <outDir>
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import ts from 'typescript';

const outDir = process.argv[2];
const root = resolve(import.meta.dirname, '../..');
const sourceRoot = join(root, 'src');
const nestCli = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
const plugin = nestCli.compilerOptions.plugins.find((entry) => entry.name === '@nestjs/swagger');

const roots = readdirSync(sourceRoot, { recursive: true })
  .filter((file) => /\.dto\.ts$/.test(file))
  .map((file) => join(sourceRoot, file));
const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.build.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
const options = { ...config.options, noEmit: true, types: [] };
// Packages' declarations are read as empty files (TypeScript's own lib files excepted): parsing
// them is most of the time, and DTO properties are typed with the project's own types (a
// property typed by a package's type would be documented as a plain object here).
const host = ts.createCompilerHost(options);
const readSourceFile = host.getSourceFile;
host.getSourceFile = (file, language, onError, create) =>
  file.includes('/node_modules/') && !file.includes('/node_modules/typescript/lib/')
    ? ts.createSourceFile(file, '', language)
    : readSourceFile.call(host, file, language, onError, create);
const program = ts.createProgram(roots, options, host);

new PluginMetadataGenerator().generate({
  visitors: [new ReadonlyVisitor({ ...plugin.options, pathToSource: sourceRoot })],
  outputDir: outDir,
  tsProgramRef: program,
  printDiagnostics: false,
});
