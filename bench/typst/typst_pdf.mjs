// typst as a command for bench/whole_process.sh: compiles one Typst file to PDF, as
// `typst compile IN OUT --font-path FONTS` would, through the typst.ts Node addon (typst 0.14).
// Its time includes Node's start and the addon's loading, as the CLI's includes its own start.
//
//   node bench/typst/typst_pdf.mjs IN.typ OUT.pdf FONT_DIR
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [, , input, output, fonts] = process.argv;
if (!input || !output || !fonts) {
  console.error('usage: node typst_pdf.mjs IN.typ OUT.pdf FONT_DIR');
  process.exit(2);
}
const compiler = NodeCompiler.create({ workspace: dirname(resolve(input)), fontArgs: [{ fontPaths: [fonts] }] });
writeFileSync(output, compiler.pdf({ mainFileContent: readFileSync(input, 'utf8') }));
