"""A JSON fixture format that keeps datetimes whole, and reads archives of older versions.

Django's JSON serializer cuts microseconds to milliseconds, so a restored revision would not
carry its exact timestamp. This format is Django's JSON with a full ISO 8601 encoder;
registered as ``exactjson`` in SERIALIZATION_MODULES, used by backup_site and restore_site.
Models that moved to another app since an archive was made are read under their new label.
"""

import datetime

from django.core.serializers.json import Deserializer as JSONDeserializer
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

# Old label -> new label of the models that moved between apps (app_label.model_name).
MOVED_MODELS = {"chantiers.theme": "core.theme"}


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


class Deserializer(JSONDeserializer):
    def _handle_object(self, obj):
        model = obj.get("model")
        if model in MOVED_MODELS:
            obj = {**obj, "model": MOVED_MODELS[model]}
        elif model == "contenttypes.contenttype":
            fields = obj.get("fields", {})
            old = f"{fields.get('app_label')}.{fields.get('model')}"
            if old in MOVED_MODELS:
                app_label, model_name = MOVED_MODELS[old].split(".")
                obj = {**obj, "fields": {**fields, "app_label": app_label, "model": model_name}}
        yield from super()._handle_object(obj)
