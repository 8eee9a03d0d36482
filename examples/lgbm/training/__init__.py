"""LightGBM training package (shipped as the training job's code root)."""
