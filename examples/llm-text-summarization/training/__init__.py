"""Falcon fine-tuning package (shipped as the training job's code root)."""
