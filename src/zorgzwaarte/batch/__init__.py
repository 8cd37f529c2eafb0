"""Population-scale adapters (Polars + NumPy) on the vectorised rules."""
