#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing:
#   chromium       the real browser for the browser tests (driven by Playwright, never downloaded)
#   poppler-utils  pdfinfo, to read the PDFs' tag trees
#   default-jre-headless  Java for the Nu Html Checker (vnu.jar)
#   faketime       runs one of the reproducibility test's two builds days later (libfaketime)
#   git            "last updated" dates of pages come from the history (plansite/site/page_dates.py)
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v faketime >/dev/null 2>&1 || need+=(faketime)
command -v git >/dev/null 2>&1 || need+=(git)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${need[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
