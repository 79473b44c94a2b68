# SPDX-License-Identifier: GPL-2.0
# Sphinx configuration for the srnic documentation
# (tests/docs.sh builds it with -W in `make check`).
project = 'srnic'
copyright = 'srnic maintainers'
master_doc = 'index'
exclude_patterns = ['_build']
html_theme = 'alabaster'
