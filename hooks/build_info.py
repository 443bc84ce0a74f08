"""Expose the build date to templates as ``config.extra.build_date``.

SOURCE_DATE_EPOCH (reproducible builds) wins over today's date.
"""

import datetime
import os


def on_config(config):
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        day = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    else:
        day = datetime.date.today()
    config.extra["build_date"] = day.isoformat()
    return config
