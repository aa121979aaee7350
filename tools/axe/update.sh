#!/usr/bin/env bash
# Refreshes src/test/resources/axe/axe.min.js from the npm package axe-core (MPL-2.0, Deque Systems).
# The browser walk (NavigationWalkBrowserTest) injects it into every page; it is committed so CI
# needs no npm. Usage: tools/axe/update.sh [version]   (default: the version below)
set -euo pipefail
version=${1:-4.14.1}
here=$(cd "$(dirname "$0")" && pwd)
target="$here/../../src/test/resources/axe"
work=$(mktemp -d)
cd "$work"
npm pack --silent "axe-core@$version" >/dev/null 2>&1
tar -xzf "axe-core-$version.tgz"
cp package/axe.min.js "$target/axe.min.js"
cp package/LICENSE "$target/LICENSE-axe-core.txt"
echo "$version" > "$target/VERSION"
echo "axe-core $version -> $target"
