#!/usr/bin/env python3
"""Writes a variant of an experiment file for the hostile-input campaign.

experiment.py BASE OUT [EDIT...] where an EDIT is
  attr=value        every XML attribute of that name gets the value (name=, shots=, batchSize=, ...)
  widths=a,b,c      the backbone widths
  kernels=a,b,c     the spatial attention kernels
  classes=N         N class names c0..c(N-1)
  source=KIND:PATH  the first data source becomes KIND with PATH
  raw=TEXT          the whole file is TEXT (for XML attacks); \\n for newlines
  replace=OLD|NEW   a literal replacement
  regex=PATTERN|NEW a regular-expression replacement (dot matches newlines)
"""
import re
import sys

base, out, edits = sys.argv[1], sys.argv[2], sys.argv[3:]
s = open(base, encoding='utf-8').read()
for e in edits:
    key, value = e.split('=', 1)
    if key == 'widths':
        block = ''.join('<backboneWidths>%s</backboneWidths>\n    ' % w for w in value.split(','))
        s = re.sub(r'(<backboneWidths>\d+</backboneWidths>\s*)+', block, s, count=1)
    elif key == 'kernels':
        block = ''.join('<spatialKernels>%s</spatialKernels>\n      ' % k for k in value.split(','))
        s = re.sub(r'(<spatialKernels>\d+</spatialKernels>\s*)+', block, s, count=1)
    elif key == 'classes':
        block = ''.join('<classNames>c%d</classNames>\n    ' % i for i in range(int(value)))
        s = re.sub(r'(<classNames>[^<]*</classNames>\s*)+', block, s, count=1)
    elif key == 'source':
        kind, path = value.split(':', 1)
        s = re.sub(r'<sources [^>]*/>', '<sources kind="%s" path="%s"/>' % (kind, path), s, count=1)
    elif key == 'raw':
        s = value.replace('\\n', '\n')
    elif key == 'regex':
        pattern, new = value.split('|', 1)
        s, n = re.subn(pattern, lambda m: new, s, flags=re.S)
        assert n > 0, pattern
    elif key == 'replace':
        old, new = value.split('|', 1)
        assert old in s, old
        s = s.replace(old, new)
    else:
        s, n = re.subn(r'\b%s="[^"]*"' % re.escape(key), '%s="%s"' % (key, value), s)
        assert n > 0, key
open(out, 'w', encoding='utf-8').write(s)
