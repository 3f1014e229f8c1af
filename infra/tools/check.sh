#!/usr/bin/env bash
# Builds and lints every Bicep template under infra/ with the Bicep CLI restored from NuGet (BicepCli.proj).
# Fails on any error or warning, so the templates stay warning-free.
set -uo pipefail
cd "$(dirname "$0")/../.."

dotnet restore infra/tools/BicepCli.proj --verbosity quiet >/dev/null || { echo "could not restore the Bicep CLI (infra/tools/BicepCli.proj)"; exit 1; }
bicep=$(dotnet msbuild infra/tools/BicepCli.proj -t:PrintBicepPath -nologo -verbosity:minimal | tr -d '[:space:]')
[ -f "$bicep" ] || { echo "no Bicep CLI at $bicep"; exit 1; }
[ -x "$bicep" ] || chmod +x "$bicep"
echo "Bicep CLI $("$bicep" --version | head -n 1)"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
while IFS= read -r template; do
  for step in build lint; do
    if [ "$step" = build ]; then log=$("$bicep" build "$template" --outdir "$out" 2>&1); else log=$("$bicep" lint "$template" 2>&1); fi
    code=$?
    if [ "$code" -ne 0 ] || grep -qE ": (Warning|Error) " <<<"$log"; then
      echo "bicep $step $template:"
      echo "$log"
      status=1
    fi
  done
done < <(find infra -name '*.bicep' | sort)

[ "$status" -eq 0 ] && echo "every Bicep template builds and lints clean"
exit "$status"
