#!/usr/bin/env bash
# Screenshots of every survey page (zh-CN and en) as a customer's phone shows them (390×844, Debian's chromium driven
# by the browser tests). Needs: npm ci (Azurite), apt-get install chromium fonts-noto-cjk.
# Usage: bash scripts/survey-screenshots.sh [OUT_DIR]   (default: survey-screenshots/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-survey-screenshots}")
extra=()
dotnet restore AfterSales.Functions.sln >/dev/null 2>&1 || extra=(-p:ServiceBusTriggers=false)
AFTERSALES_SURVEY_SCREENSHOTS="$out" dotnet test tests/AfterSales.Functions.Tests "${extra[@]}" --filter "FullyQualifiedName~SurveyBrowserTests" --logger "console;verbosity=minimal"
ls -1 "$out"/survey-*.png
