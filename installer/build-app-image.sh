#!/usr/bin/env bash
# Builds a self-contained ECG Workbench with its own trimmed Java runtime, using jpackage from the JDK (17+),
# from the jar and target/lib/ that `mvn -B -DskipTests package` writes (built first if missing).
#
#   installer/build-app-image.sh              -> target/installer/ecg-workbench/            (Linux app image)
#   installer/build-app-image.sh deb          -> target/installer/ecg-workbench_VERSION-1_amd64.deb
#                                                (needs fakeroot and dpkg-deb; built from the app image;
#                                                gzip-compressed, DPKG_DEB_COMPRESSOR_TYPE=xz for smaller)
#
# Layout choices (see installer/README.md):
# - JavaFX's platform jars (javafx-*-linux.jar) go on --module-path and are linked into the runtime;
#   every other jar stays on the class path (ChartFX has no module-info, so the app is not modular).
# - The runtime keeps bin/java: training runs in a child JVM started as
#   <java.home>/bin/java -cp <java.class.path> org.ecgworkbench.Main train …, so jpackage's default
#   --strip-native-commands is replaced by explicit --jlink-options.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
case "$type" in app-image|deb) ;; *) echo "usage: $0 [app-image|deb]" >&2; exit 2 ;; esac

name=ecg-workbench
dest=target/installer
image="$dest/$name"

[ -f target/ecg-workbench.jar ] && [ -d target/lib ] || OMP_WAIT_POLICY=PASSIVE mvn -B -q -DskipTests package
# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0.
version=$(sed -n 's:^  <version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)

build_image() {
  local input=target/installer-input fxmods=target/installer-fxmods
  rm -rf "$input" "$fxmods" "$image"
  mkdir -p "$input/lib" "$fxmods" "$dest"
  cp target/ecg-workbench.jar "$input"/
  for jar in target/lib/*.jar; do
    case "$(basename "$jar")" in
      javafx-*-linux.jar) cp "$jar" "$fxmods"/ ;;   # the real JavaFX modules (classes + natives)
      javafx-*.jar) ;;                              # empty placeholder jars Maven adds beside them
      nd4j-native-[0-9]*-linux-x86_64.jar)
        # The plain natives (91 MB) are never loaded when the oneDNN build is there (model.NativeBackend).
        ls target/lib/nd4j-native-*-linux-x86_64-onednn*.jar >/dev/null 2>&1 || cp "$jar" "$input/lib"/ ;;
      *) cp "$jar" "$input/lib"/ ;;
    esac
  done

  # JDK modules the code needs, by jdeps over every jar; plus what jdeps cannot see: jdk.zipfs (the
  # samples are copied out of the jar through a zip FileSystem) and the JavaFX modules.
  local jdk_modules
  if ! jdk_modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 --recursive \
        --class-path "$input/lib/*" "$input/ecg-workbench.jar" 2>/dev/null); then
    jdk_modules=java.base,java.compiler,java.desktop,java.scripting,java.sql,jdk.jfr,jdk.management,jdk.unsupported
    echo "jdeps failed; using the measured module list: $jdk_modules" >&2
  fi
  local modules="$jdk_modules,jdk.zipfs,javafx.controls,javafx.fxml,javafx.swing"
  echo "runtime modules: $modules"

  jpackage --type app-image --name "$name" --app-version "$version" \
    --vendor "ECG Workbench" --description "12-lead ECG classification workbench" \
    --icon installer/ecg-workbench.png \
    --input "$input" --main-jar ecg-workbench.jar --main-class org.ecgworkbench.Main \
    --module-path "$fxmods" --add-modules "$modules" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files" \
    --java-options '-Xmx2g' \
    --dest "$dest"
  [ -x "$image/lib/runtime/bin/java" ] || { echo "the runtime lost bin/java; training runs need it" >&2; exit 1; }
}

build_deb() {
  command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
    || { echo "a .deb needs fakeroot and dpkg-deb (apt-get install -y fakeroot)" >&2; exit 1; }
  rm -f "$dest"/*.deb
  # gzip unless told otherwise: the jars are compressed already, so dpkg-deb's default xz saves 6 % of the
  # size (186 vs 198 MB) for several times the time on a busy 2-core machine.
  export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
  # The desktop entry is ours (installer/resources/ecg-workbench.desktop, the name jpackage looks for):
  # the display name "ECG Workbench" and %F so opened files reach the program; jpackage fills in the
  # launcher, icon, category and MIME types.
  # installer/resources also holds our postinst and prerm: jpackage's, with the desktop integration
  # (xdg-desktop-menu, xdg-mime) made best effort, so the package installs and purges on a server.
  local work=target/installer-deb-work
  rm -rf "$work"
  # jpackage's own dpkg-deb pass is left uncompressed (fast): the package is rebuilt below from its tree.
  DPKG_DEB_COMPRESSOR_TYPE=none jpackage --type deb --app-image "$image" --name "$name" --app-version "$version" \
    --vendor "ECG Workbench" --description "12-lead ECG classification workbench" \
    --icon installer/ecg-workbench.png --resource-dir installer/resources \
    --linux-package-name "$name" --linux-shortcut --linux-menu-group "Science;MedicalSoftware;" \
    --linux-package-deps "libgtk-3-0, libgl1" \
    --file-associations installer/hea.properties \
    --file-associations installer/ecgmodel.properties \
    --temp "$work" --dest "$work/out"
  # jpackage makes xdg-utils a dependency whenever there is a desktop entry; the scripts need it only
  # for the menu and file types, so it becomes a recommendation (apt installs it unless told
  # --no-install-recommends; a server can go without).
  local tree="$work/images" control="$work/images/DEBIAN/control"
  [ -f "$control" ] || { echo "jpackage left no $control to adjust" >&2; exit 1; }
  sed -i -e '/^Depends:/{s/ xdg-utils,//;s/, xdg-utils\b//;s/ xdg-utils$//}' "$control"
  grep -q '^Recommends:' "$control" || sed -i '/^Depends:/a Recommends: xdg-utils' "$control"
  if grep '^Depends:' "$control" | grep -q 'xdg-utils'; then echo "xdg-utils is still in Depends: $(grep '^Depends:' "$control")" >&2; exit 1; fi
  local deb="$dest/$(basename "$(ls "$work"/out/*.deb)")"
  fakeroot dpkg-deb --build "$tree" "$deb" >/dev/null
  rm -rf "$work"
}

start=$(date +%s)
build_image
[ "$type" = deb ] && build_deb
echo "built $type in $(( $(date +%s) - start )) s:"
du -sh "$image"; du -sh "$image/lib/runtime"
[ "$type" = deb ] && ls -l "$dest"/*.deb
exit 0
