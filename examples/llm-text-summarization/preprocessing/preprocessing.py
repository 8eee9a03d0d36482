"""Turn SAMSum dialogues into instruction prompts for causal-LM fine-tuning.

Run by the preprocess step as `python -m preprocessing.preprocessing preprocessing/preprocessing.py`.
Reads (one static input per dataFile, named after its sourceName):
  /opt/ml/processing/input/raw-prompts-train/samsum-train.arrow
  /opt/ml/processing/input/raw-prompts-test/samsum-test.arrow
Writes (one output per channel of the preprocess section):
  /opt/ml/processing/output/training/train.jsonl
  /opt/ml/processing/output/testing/test.jsonl
"""
import glob
import json
import os

from datasets import Dataset

INPUT = "/opt/ml/processing/input"
OUTPUT = "/opt/ml/processing/output"
TEMPLATE = "Summarize the following conversation.\n\n### Dialogue:\n{dialogue}\n\n### Summary:\n"

# sourceName of the input -> (output channel, file name)
SPLITS = {
    "raw-prompts-train": ("training", "train.jsonl"),
    "raw-prompts-test": ("testing", "test.jsonl"),
}


def convert(source, channel, filename):
    arrow_files = sorted(glob.glob(os.path.join(INPUT, source, "*.arrow")))
    if not arrow_files:
        raise FileNotFoundError(f"no .arrow file under {os.path.join(INPUT, source)}")
    out_dir = os.path.join(OUTPUT, channel)
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    with open(os.path.join(out_dir, filename), "w", encoding="utf-8") as out:
        for path in arrow_files:
            for row in Dataset.from_file(path):
                dialogue, summary = row["dialogue"].strip(), row["summary"].strip()
                if not dialogue or not summary:
                    continue
                prompt = TEMPLATE.format(dialogue=dialogue)
                record = {"prompt": prompt, "summary": summary, "text": prompt + summary}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    print(f"{source} -> {channel}/{filename}: {written} examples")


def main():
    for source, (channel, filename) in SPLITS.items():
        convert(source, channel, filename)


if __name__ == "__main__":
    main()
