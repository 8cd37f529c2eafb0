"""An administrator's supplement: figures the law gives only as an image, loaded as data with their bron."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DOMEINEN = (
    "sociale_redzaamheid",
    "psychosociaal_cognitief",
    "adl",
    "mobiliteit",
    "verpleging",
    "gedragsproblematiek",
    "psychiatrische_problematiek",
)


class Uren(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min: float = Field(ge=0, le=168)
    max: float = Field(ge=0, le=168)

    @model_validator(mode="after")
    def min_niet_boven_max(self) -> Uren:
        if self.min > self.max:
            raise ValueError("min mag niet groter zijn dan max")
        return self


class AanvullingZzp(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=1)
    bron: str = Field(min_length=5, description="Waar de cijfers vandaan komen (regeling, bijlage, afbeelding)")
    geldig_van: date
    geldig_tot: date | None = None
    uren_per_week: Uren | None = None
    domeinen: dict[str, float] = Field(default_factory=dict)

    @field_validator("domeinen")
    @classmethod
    def geldige_domeinen(cls, waarde: dict[str, float]) -> dict[str, float]:
        for domein, niveau in waarde.items():
            if domein not in DOMEINEN:
                raise ValueError(f"onbekend domein '{domein}'; kies uit: {', '.join(DOMEINEN)}")
            if not (0 <= niveau <= 3) or (niveau * 2) != int(niveau * 2):
                raise ValueError(f"niveau {niveau} voor {domein} moet tussen 0 en 3 liggen, in halven")
        return waarde

    @model_validator(mode="after")
    def iets_en_periode(self) -> AanvullingZzp:
        if self.uren_per_week is None and not self.domeinen:
            raise ValueError("geef uren_per_week en/of domeinen")
        if self.geldig_tot and self.geldig_tot < self.geldig_van:
            raise ValueError("geldig_tot ligt vóór geldig_van")
        return self


class AanvullingBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    zzp: list[AanvullingZzp] = Field(min_length=1)
