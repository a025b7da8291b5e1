#!/usr/bin/env python3
"""Checks a run folder for half-written or lost data; prints 'ok' or the problems (one line).

integrity.py RUN_DIR [--settled]   --settled: no process writes it any more (a resumed or finished run), so temp
files of atomic writes must be gone and every line of events.jsonl must be one JSON object.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

run = sys.argv[1]
settled = '--settled' in sys.argv
problems = []
record = os.path.join(run, 'run.hqcmrun')
status = None
support = None
try:
    root = ET.parse(record).getroot()
    status = root.get('status', 'CREATED')
    for el in root.iter('testMetrics'):
        support = int(el.get('support', '0'))
except Exception as e:  # a record that does not parse is half-written
    problems.append('run.hqcmrun does not parse: %s' % e)
if settled:
    for d in (run, os.path.join(run, 'artefacts')):
        if os.path.isdir(d):
            for f in os.listdir(d):
                if f.startswith('.') and f.endswith('.tmp'):
                    problems.append('leftover %s' % f)
    events = os.path.join(run, 'events.jsonl')
    if os.path.exists(events):
        ends = 0
        for i, line in enumerate(open(events, encoding='utf-8', errors='replace')):
            try:
                o = json.loads(line)
                ends += o.get('type') == 'end'
            except ValueError:
                problems.append('events.jsonl line %d is not JSON' % (i + 1))
if status == 'COMPLETED':
    for f in ('model.zip', 'predictions.csv', 'report.html'):
        if not os.path.isfile(os.path.join(run, f)):
            problems.append('COMPLETED without %s' % f)
    p = os.path.join(run, 'predictions.csv')
    if os.path.isfile(p) and support is not None:
        rows = sum(1 for line in open(p, encoding='utf-8') if line.strip()) - 1
        if rows != support:
            problems.append('predictions.csv has %d rows, the record %d test images' % (rows, support))
print('ok' if not problems else '; '.join(problems))
