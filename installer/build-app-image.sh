#!/usr/bin/env bash
# Builds a self-contained ECG Workbench (bundled Java runtime) with jpackage, from the jar and
# target/lib/ that `mvn -B -DskipTests package` produces.
#   installer/build-app-image.sh            -> target/installer/ECG-Workbench/ (app image)
#   installer/build-app-image.sh deb        -> target/installer/ecg-workbench_*.deb (needs fakeroot, binutils)
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
[ -f target/ecg-workbench.jar ] || mvn -B -q -DskipTests package
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
input=target/installer-input
rm -rf "$input" target/installer
mkdir -p "$input"
cp target/ecg-workbench.jar "$input"/
cp -r target/lib "$input"/lib
args=(--type "$type" --name ECG-Workbench --app-version "$version"
      --input "$input" --main-jar ecg-workbench.jar --main-class org.ecgworkbench.Main
      --java-options '-Xmx2g' --dest target/installer
      --description "12-lead ECG classification workbench")
if [ "$type" = deb ]; then
  # jpackage leaves GTK out of the Depends, and JavaFX needs it.
  args+=(--linux-package-name ecg-workbench --linux-shortcut --linux-package-deps "libgtk-3-0, libgl1")
fi
jpackage "${args[@]}"
echo "built target/installer ($type)"
