"""Adapters: the only code that knows a platform. They translate, and wire everything up."""

import os

# Set before anything imports numpy, which reads it once. numpy advises the kernel to back
# every large array with huge pages; where transparent huge pages defragment on advice
# (Debian's default "madvise"), each fresh array of an index build then stalls on memory
# compaction: a 10,000-article build measured 4.5 to 4.9 s without the advice and up to 7.3 s
# with it (bench/README.md). An operator's own setting wins.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
