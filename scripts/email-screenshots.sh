#!/usr/bin/env bash
# Renders one escalation email per ladder level of the bundled sample to PNG with headless Chromium (Debian's
# `chromium` package), to look at the HTML as a mail client would show it. Not run by CI.
# Usage: bash scripts/email-screenshots.sh [OUT_DIR]     (default: ./email-screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-email-screenshots}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
eml="$(mktemp -d)"
dotnet run --project src/AfterSales.Cli -- simulate --out "$eml" >/dev/null

python3 - "$eml" "$out" <<'PY'
import email, glob, os, sys
from email import policy
eml_dir, out = sys.argv[1], sys.argv[2]
seen = set()
for path in sorted(glob.glob(os.path.join(eml_dir, "*.eml"))):
    if os.path.basename(path).startswith(("digest-", "report-")):
        continue  # scripts/report-screenshots.sh renders those
    level = os.path.basename(path)[:-4].split("_")[-2]
    if level in seen:
        continue
    seen.add(level)
    message = email.message_from_file(open(path, encoding="utf-8"), policy=policy.default)
    html = message.get_body(preferencelist=("html",)).get_content()
    open(os.path.join(out, f"{level}.html"), "w", encoding="utf-8").write(html)
print(" ".join(sorted(seen)))
PY

for html in "$out"/*.html; do
  png="${html%.html}.png"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars \
    --screenshot="$png" --window-size=720,1100 "file://$html" >/dev/null 2>&1
  echo "$png"
done
