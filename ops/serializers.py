"""A JSON fixture format that keeps datetimes whole.

Django's JSON serializer cuts microseconds to milliseconds, so a restored revision would not
carry its exact timestamp. This format is Django's JSON with a full ISO 8601 encoder;
registered as ``exactjson`` in SERIALIZATION_MODULES, used by backup_site and restore_site.
"""

import datetime

from django.core.serializers.json import (
    Deserializer,  # noqa: F401 (the format's reader)
    DjangoJSONEncoder,
)
from django.core.serializers.json import Serializer as JSONSerializer


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            value = o.isoformat()
            return value[:-6] + "Z" if value.endswith("+00:00") else value
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder
