#!/usr/bin/env bash
# Renders the bundled sample's weekly digests (one per team and the managers' one) and monthly reports, in zh-CN and
# en, to PNG with headless Chromium (Debian's `chromium` package): the HTML as a mail client would show it. Not run by CI.
# Usage: bash scripts/report-screenshots.sh [OUT_DIR]     (default: ./report-screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-report-screenshots}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
for locale in zh-CN en; do
  eml="$(mktemp -d)"
  Email__Locale="$locale" dotnet run --project src/AfterSales.Cli -- simulate --out "$eml" >/dev/null
  python3 - "$eml" "$out" "$locale" <<'PY'
import email, glob, os, sys
from email import policy
eml_dir, out, locale = sys.argv[1], sys.argv[2], sys.argv[3]
for path in sorted(glob.glob(os.path.join(eml_dir, "digest-*.eml")) + glob.glob(os.path.join(eml_dir, "report-*.eml"))):
    message = email.message_from_file(open(path, encoding="utf-8"), policy=policy.default)
    html = message.get_body(preferencelist=("html",)).get_content()
    open(os.path.join(out, f"{os.path.basename(path)[:-4]}.{locale}.html"), "w", encoding="utf-8").write(html)
PY
done

for html in "$out"/*.html; do
  png="${html%.html}.png"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars \
    --screenshot="$png" --window-size=720,1500 "file://$html" >/dev/null 2>&1
  echo "$png"
done
