"""The default topics keep finding what readers marked in real news (tests/data/news/).

The floors sit 0.02 below what the topics reached when they were set; raise them when the
topics get better, and never lower them to let a change through. F1 is computed as the score
tool computes it: per topic from true and false positives and false negatives, a topic with no
positive and no prediction counting 1.0, and the macro F1 their mean.
"""

import json
import re
from pathlib import Path

import pytest

from reader.core.document import Document, Paragraph

NEWS = Path(__file__).resolve().parent.parent / "data" / "news"
TOPICS = ("trade", "Taiwan", "human rights", "Ukraine", "fentanyl")

# The sets written for Topic Reader: each paragraph stands alone, in documents too.
WRITTEN = {
    "written_new_angles.jsonl": {
        "macro": 0.91,
        "trade": 0.89,
        "Taiwan": 0.92,
        "human rights": 0.88,
        "Ukraine": 0.92,
        "fentanyl": 0.96,
    },
    "written_surrounding_style.jsonl": {
        "macro": 0.98,
        "trade": 0.98,
        "Taiwan": 0.98,
        "human rights": 0.98,
        "Ukraine": 0.96,
        "fentanyl": 1.00,
    },
    "written_mixed_style.jsonl": {
        "macro": 0.98,
        "trade": 1.00,
        "Taiwan": 0.98,
        "human rights": 0.98,
        "Ukraine": 0.97,
        "fentanyl": 1.00,
    },
    "written_official_broadcast_style.jsonl": {
        "macro": 0.98,
        "trade": 0.97,
        "Taiwan": 0.97,
        "human rights": 1.00,
        "Ukraine": 0.95,
        "fentanyl": 1.00,
    },
    "written_wire_style.jsonl": {
        "macro": 0.99,
        "trade": 0.96,
        "Taiwan": 1.00,
        "human rights": 0.98,
        "Ukraine": 1.00,
        "fentanyl": 1.00,
    },
}

# Measured each paragraph alone: dev macro 0.944 (trade 0.950, Taiwan 0.889, human rights
# 0.952, Ukraine 0.990, fentanyl 0.939); holdout 0.931 (trade 0.886, Taiwan 0.984, human rights
# 0.916, Ukraine 0.926, fentanyl 0.943); broadcast_official 0.922 (trade 0.884, Taiwan 0.914,
# human rights 0.889, Ukraine 0.963, fentanyl 0.960); broadcast_voa 0.845 (trade 0.829, Taiwan
# 0.906, human rights 0.767, Ukraine 0.881, fentanyl 0.842).
FLOORS = {
    "dev.jsonl": {
        "macro": 0.92,
        "trade": 0.93,
        "Taiwan": 0.87,
        "human rights": 0.93,
        "Ukraine": 0.97,
        "fentanyl": 0.91,
    },
    "holdout.jsonl": {
        "macro": 0.91,
        "trade": 0.86,
        "Taiwan": 0.96,
        "human rights": 0.89,
        "Ukraine": 0.90,
        "fentanyl": 0.92,
    },
    "broadcast_official.jsonl": {
        "macro": 0.90,
        "trade": 0.86,
        "Taiwan": 0.89,
        "human rights": 0.86,
        "Ukraine": 0.94,
        "fentanyl": 0.94,
    },
    "broadcast_voa.jsonl": {
        "macro": 0.82,
        "trade": 0.80,
        "Taiwan": 0.88,
        "human rights": 0.74,
        "Ukraine": 0.86,
        "fentanyl": 0.82,
    },
    # Measured 0.856 (trade 0.872, Taiwan 0.788, human rights 0.914, Ukraine 0.804,
    # fentanyl 0.902).
    "official_recent.jsonl": {
        "macro": 0.83,
        "trade": 0.85,
        "Taiwan": 0.76,
        "human rights": 0.89,
        "Ukraine": 0.78,
        "fentanyl": 0.88,
    },
    # Labelled blind and scored before they were read: wire_services 0.914, official_statements
    # 0.937, broadcast_voa_scripts 0.940 (per topic in the README).
    "wire_services.jsonl": {
        "macro": 0.89,
        "trade": 0.82,
        "Taiwan": 0.93,
        "human rights": 0.93,
        "Ukraine": 0.90,
        "fentanyl": 0.87,
    },
    "official_statements.jsonl": {
        "macro": 0.91,
        "trade": 0.87,
        "Taiwan": 0.94,
        "human rights": 0.94,
        "Ukraine": 0.96,
        "fentanyl": 0.86,
    },
    "broadcast_voa_scripts.jsonl": {
        "macro": 0.92,
        "trade": 0.93,
        "Taiwan": 0.95,
        "human rights": 0.85,
        "Ukraine": 0.86,
        "fentanyl": 0.98,
    },
    # Labelled blind from stored pages and scored first on 2026-12-02: wire_services_2 0.844,
    # official_statements_2 0.868 (0.831 and 0.845 in documents); now 0.859 and 0.908.
    "wire_services_2.jsonl": {
        "macro": 0.83,
        "trade": 0.91,
        "Taiwan": 0.88,
        "human rights": 0.73,
        "Ukraine": 0.85,
        "fentanyl": 0.80,
    },
    "official_statements_2.jsonl": {
        "macro": 0.88,
        "trade": 0.82,
        "Taiwan": 0.88,
        "human rights": 0.91,
        "Ukraine": 0.91,
        "fentanyl": 0.90,
    },
    # voa_stories 0.829 alone (0.857 in documents) on the day it was added.
    "voa_stories.jsonl": {
        "macro": 0.80,
        "trade": 0.64,
        "Taiwan": 0.94,
        "human rights": 0.83,
        "Ukraine": 0.87,
        "fentanyl": 0.74,
    },
    # The ten newest sets: each comment gives the figure before any of the set was read;
    # the floor below it is what the topics score today.
    # global_voices: 0.746 alone (0.751 in documents) before it was read; no fentanyl rows.
    "global_voices.jsonl": {
        "macro": 0.76,
        "trade": 0.50,
        "Taiwan": 0.78,
        "human rights": 0.78,
        "Ukraine": 0.75,
        "fentanyl": 1.00,
    },
    # official_statements_3: 0.864 alone (0.894 in documents) before it was read.
    "official_statements_3.jsonl": {
        "macro": 0.87,
        "trade": 0.88,
        "Taiwan": 0.76,
        "human rights": 0.95,
        "Ukraine": 0.89,
        "fentanyl": 0.85,
    },
    # voa_stories_2: 0.872 alone (0.919 in documents) before it was read.
    "voa_stories_2.jsonl": {
        "macro": 0.88,
        "trade": 0.99,
        "Taiwan": 0.90,
        "human rights": 0.69,
        "Ukraine": 0.81,
        "fentanyl": 0.99,
    },
    # commissions: 0.892 alone (0.875 in documents) before it was read; no fentanyl rows.
    "commissions.jsonl": {
        "macro": 0.89,
        "trade": 0.68,
        "Taiwan": 0.88,
        "human rights": 0.89,
        "Ukraine": 0.99,
        "fentanyl": 0.99,
    },
    # global_voices_2: 0.820 alone (0.826 in documents) before it was read; one trade row.
    "global_voices_2.jsonl": {
        "macro": 0.83,
        "trade": 0.66,
        "Taiwan": 0.88,
        "human rights": 0.73,
        "Ukraine": 0.87,
        "fentanyl": 0.99,
    },
    # wire_services_3: 0.860 alone (0.840 in documents) before it was read; Ukraine, fentanyl only.
    "wire_services_3.jsonl": {
        "macro": 0.90,
        "trade": 0.99,
        "Taiwan": 0.99,
        "human rights": 0.99,
        "Ukraine": 0.87,
        "fentanyl": 0.66,
    },
    # state_treasury: 0.839 alone (0.823 in documents) before it was read.
    "state_treasury.jsonl": {
        "macro": 0.85,
        "trade": 0.68,
        "Taiwan": 0.99,
        "human rights": 0.90,
        "Ukraine": 0.80,
        "fentanyl": 0.87,
    },
    # crs_federal_register: 0.833 alone (0.842 in documents) before it was read.
    "crs_federal_register.jsonl": {
        "macro": 0.89,
        "trade": 0.92,
        "Taiwan": 0.91,
        "human rights": 0.79,
        "Ukraine": 0.94,
        "fentanyl": 0.86,
    },
    # uk_government: 0.847 alone (0.849 in documents) before it was read.
    "uk_government.jsonl": {
        "macro": 0.86,
        "trade": 0.88,
        "Taiwan": 0.74,
        "human rights": 0.88,
        "Ukraine": 0.91,
        "fentanyl": 0.86,
    },
    # eu_statements: 0.811 alone (0.806 in documents) before it was read; four Taiwan rows.
    "eu_statements.jsonl": {
        "macro": 0.84,
        "trade": 0.86,
        "Taiwan": 0.56,
        "human rights": 0.85,
        "Ukraine": 0.94,
        "fentanyl": 0.99,
    },
    # anz_government: 0.794 alone (0.868 in documents) before it was read; no fentanyl rows.
    "anz_government.jsonl": {
        "macro": 0.80,
        "trade": 0.83,
        "Taiwan": 0.78,
        "human rights": 0.49,
        "Ukraine": 0.90,
        "fentanyl": 1.00,
    },
    # voa_stories_3: 0.811 alone (0.860 in documents) before it was read.
    "voa_stories_3.jsonl": {
        "macro": 0.81,
        "trade": 0.64,
        "Taiwan": 0.98,
        "human rights": 0.73,
        "Ukraine": 0.79,
        "fentanyl": 0.90,
    },
    # justice_releases: 0.900 alone (0.889 in documents) before it was read; no Taiwan rows.
    "justice_releases.jsonl": {
        "macro": 0.89,
        "trade": 0.87,
        "Taiwan": 1.00,
        "human rights": 0.86,
        "Ukraine": 0.85,
        "fentanyl": 0.89,
    },
    # wire_services_4: 0.928 alone (0.925 in documents) before it was read; no Taiwan rows.
    "wire_services_4.jsonl": {
        "macro": 0.90,
        "trade": 0.83,
        "Taiwan": 1.00,
        "human rights": 0.90,
        "Ukraine": 0.93,
        "fentanyl": 0.88,
    },
    # official_statements_4: 0.627 alone before it was read (trade 0.73, fentanyl 0.82, Ukraine
    # 0.59, a Taiwan match with no Taiwan row); uk_voa_global_voices 0.912 (human rights 0.76).
    "official_statements_4.jsonl": {
        "macro": 0.83,
        "trade": 0.76,
        "Taiwan": 1.00,
        "human rights": 1.00,
        "Ukraine": 0.56,
        "fentanyl": 0.86,
    },
    "uk_voa_global_voices.jsonl": {
        "macro": 0.89,
        "trade": 1.00,
        "Taiwan": 0.78,
        "human rights": 0.76,
        "Ukraine": 1.00,
        "fentanyl": 1.00,
    },
    # uk_eu_releases: 0.722 alone before it was read (trade 0.83, Taiwan 0.62, human rights 0.73,
    # Ukraine 0.84, fentanyl 0.59); official_statements_5 0.928 (Taiwan 0.91, human rights 0.93,
    # fentanyl 0.80).
    "uk_eu_releases.jsonl": {
        "macro": 0.70,
        "trade": 0.81,
        "Taiwan": 0.59,
        "human rights": 0.71,
        "Ukraine": 0.82,
        "fentanyl": 0.56,
    },
    "official_statements_5.jsonl": {
        "macro": 0.90,
        "trade": 1.00,
        "Taiwan": 0.88,
        "human rights": 0.90,
        "Ukraine": 1.00,
        "fentanyl": 0.78,
    },
    "wire_services_5.jsonl": {
        "macro": 0.78,
        "trade": 1.00,
        "Taiwan": 0.73,
        "human rights": 0.85,
        "Ukraine": 0.44,
        "fentanyl": 0.90,
    },
    "voa_stories_4.jsonl": {
        "macro": 0.83,
        "trade": 1.00,
        "Taiwan": 0.74,
        "human rights": 0.80,
        "Ukraine": 0.68,
        "fentanyl": 1.00,
    },
    "official_statements_6.jsonl": {
        "macro": 0.88,
        "trade": 0.64,
        "Taiwan": 0.94,
        "human rights": 0.94,
        "Ukraine": 0.96,
        "fentanyl": 0.94,
    },
    "wire_services_6.jsonl": {
        "macro": 0.56,
        "trade": 0.78,
        "Taiwan": 0.67,
        "human rights": 0.64,
        "Ukraine": 0.73,
        "fentanyl": 0.00,
    },
    "official_statements_7.jsonl": {
        "macro": 0.82,
        "trade": 0.78,
        "Taiwan": 0.90,
        "human rights": 0.83,
        "Ukraine": 0.85,
        "fentanyl": 0.74,
    },
    "wire_services_7.jsonl": {
        "macro": 0.88,
        "trade": 0.64,
        "Taiwan": 1.00,
        "human rights": 0.86,
        "Ukraine": 0.94,
        "fentanyl": 1.00,
    },
    "wire_services_8.jsonl": {
        "macro": 0.91,
        "trade": 0.83,
        "Taiwan": 1.00,
        "human rights": 0.90,
        "Ukraine": 0.94,
        "fentanyl": 0.91,
    },
    "wire_services_9.jsonl": {
        "macro": 0.86,
        "trade": 0.85,
        "Taiwan": 0.83,
        "human rights": 0.92,
        "Ukraine": 0.88,
        "fentanyl": 0.80,
    },
    **WRITTEN,
    "mixed_statements.jsonl": {
        "macro": 0.85,
        "trade": 0.79,
        "Taiwan": 0.92,
        "human rights": 0.90,
        "Ukraine": 0.74,
        "fentanyl": 0.92,
    },
    "official_voa.jsonl": {
        "macro": 0.80,
        "trade": 0.88,
        "Taiwan": 0.85,
        "human rights": 0.57,
        "Ukraine": 0.87,
        "fentanyl": 0.84,
    },
    "wire_services_10.jsonl": {
        "macro": 0.77,
        "trade": 0.61,
        "Taiwan": 1.00,
        "human rights": 0.69,
        "Ukraine": 0.76,
        "fentanyl": 0.78,
    },
}
# Read in documents, as the app reads an article (a paragraph that goes on with the story of
# the one before can carry its topic). Measured: dev 0.970 (trade 0.944, Taiwan 0.970, human
# rights 0.952, Ukraine 1.000, fentanyl 0.984); holdout 0.948 (trade 0.901, Taiwan 1.000,
# human rights 0.929, Ukraine 0.964, fentanyl 0.943); broadcast_official 0.953 (trade 0.907,
# Taiwan 1.000, human rights 0.947, Ukraine 0.951, fentanyl 0.960).
# Eight of these floors were lowered once, on purpose, to what the topics score now: a
# paragraph with no topic of its own between two on one no longer takes it, since on the 899
# paragraphs no rule was written from that was right once in thirteen (in documents they
# rose from 0.873 to 0.879); the sets the rule had been written from lost a little (dev
# Taiwan, crs_federal_register fentanyl, voa_stories fentanyl, broadcast_voa trade,
# anz_government, voa_stories_3).
IN_DOCUMENTS = {
    "dev.jsonl": {
        "macro": 0.95,
        "trade": 0.92,
        "Taiwan": 0.94,
        "human rights": 0.93,
        "Ukraine": 0.98,
        "fentanyl": 0.93,
    },
    "holdout.jsonl": {
        "macro": 0.92,
        "trade": 0.88,
        "Taiwan": 0.98,
        "human rights": 0.90,
        "Ukraine": 0.94,
        "fentanyl": 0.92,
    },
    "broadcast_official.jsonl": {
        "macro": 0.93,
        "trade": 0.88,
        "Taiwan": 0.98,
        "human rights": 0.92,
        "Ukraine": 0.94,
        "fentanyl": 0.94,
    },
    # 0.934 (trade 0.927, Taiwan 0.882, human rights 0.973, Ukraine 0.904, fentanyl 0.982).
    "official_recent.jsonl": {
        "macro": 0.91,
        "trade": 0.90,
        "Taiwan": 0.86,
        "human rights": 0.94,
        "Ukraine": 0.88,
        "fentanyl": 0.96,
    },
    # 0.939 (trade 0.933, Taiwan 0.897, human rights 0.889, Ukraine 0.975, fentanyl 1.000).
    "broadcast_voa.jsonl": {
        "macro": 0.92,
        "trade": 0.90,
        "Taiwan": 0.89,
        "human rights": 0.86,
        "Ukraine": 0.95,
        "fentanyl": 0.98,
    },
    # wire_services 0.896 (trade 0.887), official_statements 0.944, broadcast_voa_scripts 0.942.
    "wire_services.jsonl": {
        "macro": 0.87,
        "trade": 0.86,
        "Taiwan": 0.85,
        "human rights": 0.93,
        "Ukraine": 0.90,
        "fentanyl": 0.82,
    },
    "official_statements.jsonl": {
        "macro": 0.92,
        "trade": 0.86,
        "Taiwan": 0.93,
        "human rights": 0.93,
        "Ukraine": 0.94,
        "fentanyl": 0.93,
    },
    "broadcast_voa_scripts.jsonl": {
        "macro": 0.92,
        "trade": 0.88,
        "Taiwan": 0.98,
        "human rights": 0.89,
        "Ukraine": 0.93,
        "fentanyl": 0.92,
    },
    # wire_services_2 0.893, official_statements_2 0.877.
    "wire_services_2.jsonl": {
        "macro": 0.87,
        "trade": 0.93,
        "Taiwan": 0.88,
        "human rights": 0.78,
        "Ukraine": 0.90,
        "fentanyl": 0.85,
    },
    "official_statements_2.jsonl": {
        "macro": 0.85,
        "trade": 0.77,
        "Taiwan": 0.88,
        "human rights": 0.88,
        "Ukraine": 0.87,
        "fentanyl": 0.87,
    },
    "voa_stories.jsonl": {
        "macro": 0.83,
        "trade": 0.70,
        "Taiwan": 0.94,
        "human rights": 0.83,
        "Ukraine": 0.86,
        "fentanyl": 0.76,
    },
    "global_voices.jsonl": {
        "macro": 0.76,
        "trade": 0.50,
        "Taiwan": 0.76,
        "human rights": 0.79,
        "Ukraine": 0.75,
        "fentanyl": 1.00,
    },
    "official_statements_3.jsonl": {
        "macro": 0.90,
        "trade": 0.89,
        "Taiwan": 0.76,
        "human rights": 0.95,
        "Ukraine": 0.89,
        "fentanyl": 1.00,
    },
    "voa_stories_2.jsonl": {
        "macro": 0.92,
        "trade": 0.99,
        "Taiwan": 0.90,
        "human rights": 0.79,
        "Ukraine": 0.94,
        "fentanyl": 0.99,
    },
    "commissions.jsonl": {
        "macro": 0.87,
        "trade": 0.64,
        "Taiwan": 0.88,
        "human rights": 0.91,
        "Ukraine": 0.95,
        "fentanyl": 0.99,
    },
    "global_voices_2.jsonl": {
        "macro": 0.84,
        "trade": 0.66,
        "Taiwan": 0.88,
        "human rights": 0.80,
        "Ukraine": 0.88,
        "fentanyl": 0.99,
    },
    "wire_services_3.jsonl": {
        "macro": 0.89,
        "trade": 0.99,
        "Taiwan": 0.99,
        "human rights": 0.99,
        "Ukraine": 0.78,
        "fentanyl": 0.72,
    },
    "state_treasury.jsonl": {
        "macro": 0.86,
        "trade": 0.72,
        "Taiwan": 0.99,
        "human rights": 0.90,
        "Ukraine": 0.79,
        "fentanyl": 0.88,
    },
    "crs_federal_register.jsonl": {
        "macro": 0.89,
        "trade": 0.92,
        "Taiwan": 0.91,
        "human rights": 0.79,
        "Ukraine": 0.94,
        "fentanyl": 0.86,
    },
    "uk_government.jsonl": {
        "macro": 0.86,
        "trade": 0.86,
        "Taiwan": 0.74,
        "human rights": 0.91,
        "Ukraine": 0.91,
        "fentanyl": 0.90,
    },
    "eu_statements.jsonl": {
        "macro": 0.84,
        "trade": 0.87,
        "Taiwan": 0.56,
        "human rights": 0.89,
        "Ukraine": 0.89,
        "fentanyl": 0.99,
    },
    "anz_government.jsonl": {
        "macro": 0.88,
        "trade": 0.90,
        "Taiwan": 0.93,
        "human rights": 0.62,
        "Ukraine": 0.92,
        "fentanyl": 1.00,
    },
    "voa_stories_3.jsonl": {
        "macro": 0.86,
        "trade": 0.64,
        "Taiwan": 0.98,
        "human rights": 0.87,
        "Ukraine": 0.82,
        "fentanyl": 0.98,
    },
    "justice_releases.jsonl": {
        "macro": 0.88,
        "trade": 0.81,
        "Taiwan": 1.00,
        "human rights": 0.80,
        "Ukraine": 0.87,
        "fentanyl": 0.92,
    },
    "wire_services_4.jsonl": {
        "macro": 0.90,
        "trade": 0.83,
        "Taiwan": 1.00,
        "human rights": 0.90,
        "Ukraine": 0.95,
        "fentanyl": 0.84,
    },
    "official_statements_4.jsonl": {
        "macro": 0.83,
        "trade": 0.79,
        "Taiwan": 1.00,
        "human rights": 1.00,
        "Ukraine": 0.56,
        "fentanyl": 0.85,
    },
    "uk_voa_global_voices.jsonl": {
        "macro": 0.88,
        "trade": 1.00,
        "Taiwan": 0.78,
        "human rights": 0.74,
        "Ukraine": 0.93,
        "fentanyl": 1.00,
    },
    "uk_eu_releases.jsonl": {
        "macro": 0.76,
        "trade": 0.81,
        "Taiwan": 0.59,
        "human rights": 0.80,
        "Ukraine": 0.85,
        "fentanyl": 0.78,
    },
    "official_statements_5.jsonl": {
        "macro": 0.91,
        "trade": 1.00,
        "Taiwan": 0.88,
        "human rights": 0.92,
        "Ukraine": 1.00,
        "fentanyl": 0.78,
    },
    "wire_services_5.jsonl": {
        "macro": 0.80,
        "trade": 0.83,
        "Taiwan": 0.73,
        "human rights": 0.92,
        "Ukraine": 0.64,
        "fentanyl": 0.90,
    },
    "voa_stories_4.jsonl": {
        "macro": 0.87,
        "trade": 1.00,
        "Taiwan": 0.83,
        "human rights": 0.82,
        "Ukraine": 0.76,
        "fentanyl": 1.00,
    },
    "official_statements_6.jsonl": {
        "macro": 0.89,
        "trade": 0.76,
        "Taiwan": 0.94,
        "human rights": 0.87,
        "Ukraine": 0.94,
        "fentanyl": 0.94,
    },
    "wire_services_6.jsonl": {
        "macro": 0.56,
        "trade": 0.78,
        "Taiwan": 0.67,
        "human rights": 0.64,
        "Ukraine": 0.73,
        "fentanyl": 0.00,
    },
    "official_statements_7.jsonl": {
        "macro": 0.86,
        "trade": 0.91,
        "Taiwan": 0.90,
        "human rights": 0.87,
        "Ukraine": 0.91,
        "fentanyl": 0.74,
    },
    "wire_services_7.jsonl": {
        "macro": 0.88,
        "trade": 0.64,
        "Taiwan": 1.00,
        "human rights": 0.86,
        "Ukraine": 0.94,
        "fentanyl": 1.00,
    },
    "wire_services_8.jsonl": {
        "macro": 0.87,
        "trade": 0.83,
        "Taiwan": 0.90,
        "human rights": 0.90,
        "Ukraine": 0.90,
        "fentanyl": 0.82,
    },
    "wire_services_9.jsonl": {
        "macro": 0.87,
        "trade": 0.80,
        "Taiwan": 0.83,
        "human rights": 0.92,
        "Ukraine": 0.94,
        "fentanyl": 0.82,
    },
    **WRITTEN,
    "mixed_statements.jsonl": {
        "macro": 0.85,
        "trade": 0.75,
        "Taiwan": 0.85,
        "human rights": 0.87,
        "Ukraine": 0.78,
        "fentanyl": 1.00,
    },
    "official_voa.jsonl": {
        "macro": 0.85,
        "trade": 0.92,
        "Taiwan": 0.90,
        "human rights": 0.57,
        "Ukraine": 0.92,
        "fentanyl": 0.91,
    },
    "wire_services_10.jsonl": {
        "macro": 0.81,
        "trade": 0.61,
        "Taiwan": 1.00,
        "human rights": 0.74,
        "Ukraine": 0.79,
        "fentanyl": 0.90,
    },
}


def read(name):
    return [json.loads(line) for line in (NEWS / name).read_text(encoding="utf-8").splitlines()]


def in_documents(classifier, rows):
    """The topics of each row, the rows of one document read together in order.

    As ``benchmarks/accuracy.py --mode documents``: consecutive rows of one ``doc`` are one
    document; sentences written one by one for a set stand alone.
    """
    topics, start = [], 0
    while start < len(rows):
        doc = rows[start]["doc"] if rows[start]["kind"] != "written" else None
        end = start + 1
        while doc and end < len(rows) and rows[end]["doc"] == doc:
            end += 1
        paragraphs = tuple(Paragraph(i, "body", r["text"]) for i, r in enumerate(rows[start:end]))
        for hits in classifier.classify_document(Document(paragraphs)):
            topics.append({hit.topic_id for hit in hits})
        start = end
    return topics


def f1_scores(rows, predicted):
    """Per-topic F1 and their mean, as the score tool computes them."""
    scores = {}
    for topic in TOPICS:
        tp = sum(
            1 for r, p in zip(rows, predicted, strict=True) if topic in r["topics"] and topic in p
        )
        fp = sum(
            1
            for r, p in zip(rows, predicted, strict=True)
            if topic not in r["topics"] and topic in p
        )
        fn = sum(
            1
            for r, p in zip(rows, predicted, strict=True)
            if topic in r["topics"] and topic not in p
        )
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        total = precision + recall
        scores[topic] = 2 * precision * recall / total if total else 0.0
    scores["macro"] = sum(scores[t] for t in TOPICS) / len(TOPICS)
    return scores


def test_f1_is_the_score_tools():
    rows = [{"topics": ["trade"]}, {"topics": ["trade"]}, {"topics": []}, {"topics": ["Taiwan"]}]
    predicted = [{"trade"}, set(), {"trade"}, {"Taiwan"}]
    scores = f1_scores(rows, predicted)
    assert scores["trade"] == pytest.approx(0.5)  # precision 1/2, recall 1/2
    assert scores["Taiwan"] == 1.0
    assert scores["fentanyl"] == 1.0  # no positive and no prediction
    assert scores["macro"] == pytest.approx((0.5 + 4) / 5)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_topics_stay_at_or_above_their_measured_accuracy(classifier, name):
    rows = read(name)
    predicted = [{hit.topic_id for hit in classifier.classify_text(r["text"])} for r in rows]
    scores = f1_scores(rows, predicted)
    below = {
        key: f"{scores[key]:.3f} < {floor}"
        for key, floor in FLOORS[name].items()
        if scores[key] < floor
    }
    assert not below, f"{name}: {below}"


@pytest.mark.parametrize("name", sorted(IN_DOCUMENTS))
def test_read_in_documents_the_topics_stay_at_or_above_their_accuracy(classifier, name):
    rows = read(name)
    scores = f1_scores(rows, in_documents(classifier, rows))
    below = {
        key: f"{scores[key]:.3f} < {floor}"
        for key, floor in IN_DOCUMENTS[name].items()
        if scores[key] < floor
    }
    assert not below, f"{name}: {below}"


def test_reading_in_documents_carries_a_story_on(classifier):
    rows = [r for r in read("broadcast_official.jsonl") if r["doc"].endswith("TAIWAN-MISSILES")]
    alone = [{hit.topic_id for hit in classifier.classify_text(r["text"])} for r in rows]
    together = in_documents(classifier, rows)
    gained = [r["text"] for r, a, t in zip(rows, alone, together, strict=True) if t - a]
    assert "But a Chinese foreign ministry spokeswoman blamed the U.S. for the tensions." in gained
    pairs = zip(rows, alone, together, strict=True)
    assert all("Taiwan" in r["topics"] for r, a, t in pairs if t - a)


#: The open licences of the sets that are not public domain, each naming its author.
OPEN_LICENCES = (
    r"CC BY 3\.0 \(Global Voices, author [^()]+\)",
    r"Open Government Licence v3\.0 \(UK government, [^()]+\)",
    r"CC BY 4\.0 \(European Union\)",
    r"CC BY 4\.0 \(Commonwealth of Australia, [^()]+\)",
    r"CC BY 4\.0 \(New Zealand Government, [^()]+\)",
    r"reproduction authorised with acknowledgement \(European Union, EEAS\)",
)


def test_every_row_is_labelled_with_known_topics_and_a_licence():
    for name in FLOORS:
        for line in (NEWS / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert set(row["topics"]) <= set(TOPICS), row["text"][:60]
            licence = row["licence"]
            assert licence in {
                "public domain (US federal government work)",
                "written for Topic Reader",
            } or any(re.fullmatch(pattern, licence) for pattern in OPEN_LICENCES), licence


def test_every_labelled_set_has_its_floors():
    sets = {path.name for path in NEWS.glob("*.jsonl")}
    assert sets == set(FLOORS) == set(IN_DOCUMENTS)


def test_no_document_address_or_paragraph_is_in_two_sets():
    # A set measures news the others were not tuned on only if it shares nothing with them;
    # a boilerplate sentence of a few words ("…consistent with Public Law 96-8") may recur.
    owner: dict[tuple[str, str], str] = {}
    for path in sorted(NEWS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = " ".join(row["text"].split()).lower()
            keys = [("doc", row["doc"])]
            if row["kind"] != "written":
                keys.append(("source", row["source"]))
            if len(text) > 200:
                keys.append(("text", text))
            for key in keys:
                first = owner.setdefault(key, path.name)
                assert first == path.name, f"{key[0]} {key[1][:60]!r} in {first} and {path.name}"


def test_every_unread_half_is_whole_documents_at_the_end_of_its_set():
    import sys

    sys.path.insert(0, str(NEWS.parent.parent.parent / "benchmarks"))
    from unread import UNREAD

    assert set(UNREAD) <= set(FLOORS)
    for name, count in UNREAD.items():
        rows = read(name)
        assert 0 < count <= len(rows), name
        # the split is by document: the unread tail starts a document of its own
        if count < len(rows):
            assert rows[-count - 1]["doc"] != rows[-count]["doc"], name
