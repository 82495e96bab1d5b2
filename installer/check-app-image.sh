#!/usr/bin/env bash
# Builds the app image (installer/build-app-image.sh) and checks it works on its own: --version, and
# inspect + predict of a sample record with the bundled model, both taken out of the image itself
# (not the source tree), run from an empty folder. Used by .ci/run after `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
installer/build-app-image.sh app-image
image="$PWD/target/installer/ecg-workbench"
launcher="$image/bin/ecg-workbench"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
export OMP_WAIT_POLICY=PASSIVE

fail() { echo "app image check failed: $*" >&2; exit 1; }

version=$("$launcher" --version)
[[ "$version" == "ECG Workbench "* ]] || fail "--version printed '$version'"
[ -x "$image/lib/runtime/bin/java" ] || fail "the runtime has no bin/java (training runs need it)"

# The samples and the demonstration model travel inside the image's jar.
app_jar="$image/lib/app/ecg-workbench.jar"
"$image/lib/runtime/bin/java" -version >/dev/null 2>&1 || fail "the runtime's java does not start"
jar xf "$app_jar" samples/A5432.hea samples/A5432.mat models/demo-resnet18-w025.ecgmodel
[ -f samples/A5432.hea ] && [ -f samples/A5432.mat ] && [ -f models/demo-resnet18-w025.ecgmodel ] \
  || fail "samples or model missing from $app_jar"

inspect=$("$launcher" inspect samples/A5432.hea --json)
grep -q '"id" : "A5432"' <<<"$inspect" || fail "inspect printed: $inspect"
predict=$("$launcher" predict --model models/demo-resnet18-w025.ecgmodel samples/A5432.hea)
[[ "$predict" == "A5432: "* ]] || fail "predict printed: $predict"

echo "$version"
echo "$predict"
echo "app image OK: $(du -sh "$image" | cut -f1) (runtime $(du -sh "$image/lib/runtime" | cut -f1))"
