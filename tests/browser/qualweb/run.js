// Evaluate pages with QualWeb, the engine the Agency for Digital Government monitors Danish
// public websites with: its ACT rules and its WCAG techniques, levels A and AA.
//
//   node tests/browser/qualweb/run.js [--concurrency N] URL...
//
// Prints one JSON object on stdout:
//   {"evaluated": [url, ...],
//    "findings": [{"url", "module", "code", "name", "pointer", "html", "description"}, ...],
//    "errors": [{"url", "message"}, ...]}
// A finding is one element of one "failed" result; passes, warnings and inapplicable rules are
// left out. A page that could not be evaluated is an error, never a silent gap. The exit status
// is 0 when the run worked, whatever it found: the caller judges the findings.
//
// One Node process and one Chromium (Debian's, through puppeteer-core, which never downloads a
// browser) for every page, N pages at a time, each in a fresh browser context. QualWeb's own
// QualWeb class is not used: its page pool (puppeteer-cluster) ends the process when Chromium is
// slow to open a page, and restarts the browser.
"use strict";

const puppeteer = require("puppeteer-core");
const { EvaluationManager, PluginManager, QualwebPage } = require("@qualweb/core/lib");
const { ACTRules } = require("@qualweb/act-rules");
const { WCAGTechniques } = require("@qualweb/wcag-techniques");

const CHROMIUM = "/usr/bin/chromium";
// As in tests/browser/conftest.py (docs-dev/stack-facts.md#chromium).
const CHROMIUM_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const LEVELS = ["A", "AA"];
const PAGE_TIMEOUT_MS = 180 * 1000;

// Two fixes to @qualweb/core 0.8.7 at run time; neither changes a verdict.
// - getTestingData starts adding QualWeb's page scripts (qw-page, util, locale) without waiting
//   for them, so a module's script could run before them, and a page closed meanwhile rejected a
//   promise nobody handled, which ends Node. Each module now waits for them.
// - The report's element count took a handle on every element of the page (`page.$$("*")`),
//   a quarter of the time per page; counting in the page gives the same number.
const addPageScripts = QualwebPage.prototype.addNecessaryScripts;
const addModuleScript = QualwebPage.prototype.addEvaluationScript;
QualwebPage.prototype.addNecessaryScripts = function addNecessaryScriptsOnce() {
  this.pageScriptsAdded = addPageScripts.call(this);
  this.pageScriptsAdded.catch(() => {}); // the module that waits for them reports the failure
  return this.pageScriptsAdded;
};
QualwebPage.prototype.addEvaluationScript = async function addEvaluationScriptAfterPageScripts(module) {
  await this.pageScriptsAdded;
  return addModuleScript.call(this, module);
};
QualwebPage.prototype.getNumberOfHTMLElements = function countElementsInPage() {
  return this.page.evaluate(() => document.getElementsByTagName("*").length);
};

function parseArguments(argv) {
  const urls = [];
  let concurrency = 2;
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === "--concurrency") {
      index += 1;
      concurrency = Number(argv[index]);
    } else {
      urls.push(argv[index]);
    }
  }
  if (!urls.length || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error("usage: run.js [--concurrency N] URL...");
  }
  return { urls, concurrency };
}

function failedFindings(url, report) {
  const findings = [];
  for (const [module, moduleReport] of Object.entries(report.modules)) {
    for (const assertion of Object.values(moduleReport.assertions)) {
      for (const result of assertion.results.filter((each) => each.verdict === "failed")) {
        for (const element of result.elements.length ? result.elements : [{}]) {
          findings.push({
            url, module, code: assertion.code, name: assertion.name,
            pointer: element.pointer ?? "", html: element.htmlCode ?? "", description: result.description,
          });
        }
      }
    }
  }
  return findings;
}

function withTimeout(promise, milliseconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${milliseconds / 1000} s`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function evaluatePage(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    let status = 0;
    page.on("response", (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) status = response.status();
    });
    const modules = [new ACTRules({ levels: LEVELS }), new WCAGTechniques({ levels: LEVELS })];
    const evaluation = new EvaluationManager(new QualwebPage(new PluginManager(), page, url));
    const evaluating = evaluation.evaluate({ modules, translate: "en" });
    evaluating.catch(() => {}); // after a timeout, closing the context makes it fail too
    const report = await withTimeout(evaluating, PAGE_TIMEOUT_MS, "the evaluation");
    if (status !== 200) throw new Error(`the server answered ${status}`);
    return report;
  } finally {
    await context.close();
  }
}

async function evaluatePages(urls, concurrency) {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const reports = new Map();
  const errors = [];
  const queue = [...urls];
  async function work() {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        reports.set(url, await evaluatePage(browser, url));
      } catch (error) {
        errors.push({ url, message: error.message });
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, work));
  } finally {
    await browser.close();
  }
  return { reports, errors };
}

async function main() {
  const { urls, concurrency } = parseArguments(process.argv.slice(2));
  const { reports, errors } = await evaluatePages(urls, concurrency);
  const evaluated = urls.filter((url) => reports.has(url));
  const findings = evaluated.flatMap((url) => failedFindings(url, reports.get(url)));
  process.stdout.write(`${JSON.stringify({ evaluated, findings, errors })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(2);
});
