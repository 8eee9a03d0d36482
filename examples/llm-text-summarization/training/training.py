"""QLoRA fine-tuning of Falcon for dialogue summarisation.

The Training step has no static channels: it gets one channel per output of the
preprocess step, named `<source step>-<channel>`:
  falcon-text-summarization-preprocess-training -> /opt/ml/input/data/<that name>/train.jsonl
  falcon-text-summarization-preprocess-testing  -> /opt/ml/input/data/<that name>/test.jsonl
The LoRA adapter and tokenizer are saved to SM_MODEL_DIR (/opt/ml/model).
"""
import argparse
import glob
import json
import os

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
from transformers import (AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig,
                          DataCollatorForLanguageModeling, Trainer, TrainingArguments)


def channel_dir(suffix):
    """Directory of the channel whose name ends with `suffix` (names come from the chain)."""
    for name in json.loads(os.environ.get("SM_CHANNELS", "[]")):
        if name.endswith(suffix):
            return os.environ.get(f"SM_CHANNEL_{name.upper()}", f"/opt/ml/input/data/{name}")
    raise KeyError(f"no input channel ending in {suffix!r}; SM_CHANNELS={os.environ.get('SM_CHANNELS')}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model_id", default="tiiuae/falcon-40b")
    p.add_argument("--epochs", type=float, default=1.0)
    p.add_argument("--learning_rate", type=float, default=2e-4)
    p.add_argument("--batch_size", type=int, default=1)
    p.add_argument("--max_length", type=int, default=512)
    args, _ = p.parse_known_args()
    model_dir = os.environ.get("SM_MODEL_DIR", "/opt/ml/model")

    files = {"train": glob.glob(os.path.join(channel_dir("-training"), "*.jsonl")),
             "test": glob.glob(os.path.join(channel_dir("-testing"), "*.jsonl"))}
    tokenizer = AutoTokenizer.from_pretrained(args.model_id)
    tokenizer.pad_token = tokenizer.eos_token
    data = load_dataset("json", data_files=files).map(
        lambda b: tokenizer(b["text"], truncation=True, max_length=args.max_length),
        batched=True, remove_columns=["prompt", "summary", "text"])

    quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                               bnb_4bit_compute_dtype=torch.bfloat16, bnb_4bit_use_double_quant=True)
    model = AutoModelForCausalLM.from_pretrained(args.model_id, quantization_config=quant, device_map="auto")
    model = prepare_model_for_kbit_training(model)
    model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05, bias="none",
                                             target_modules=["query_key_value"], task_type="CAUSAL_LM"))
    model.print_trainable_parameters()

    trainer = Trainer(
        model=model,
        train_dataset=data["train"],
        eval_dataset=data["test"],
        data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
        args=TrainingArguments(output_dir="/tmp/checkpoints", num_train_epochs=args.epochs,
                               per_device_train_batch_size=args.batch_size, gradient_accumulation_steps=8,
                               learning_rate=args.learning_rate, bf16=True, logging_steps=20,
                               evaluation_strategy="epoch", save_strategy="no", report_to="none"),
    )
    trainer.train()
    print(trainer.evaluate())
    model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)


if __name__ == "__main__":
    main()
