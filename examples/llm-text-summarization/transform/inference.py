"""Inference handlers for the fine-tuned Falcon summariser (Hugging Face inference DLC).

The registered container runs SAGEMAKER_PROGRAM `transform.inference` from
/opt/ml/model/code. ModelRepack is "False", so this file (and a requirements.txt
with peft) must be placed in model.tar.gz under code/transform/ before serving.
Request:  {"inputs": "<dialogue>", "parameters": {"max_new_tokens": 128}}
Response: {"summary": "..."}
"""
import json
import os

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

PROMPT = "Summarize the following conversation.\n\n### Dialogue:\n{dialogue}\n\n### Summary:\n"


def model_fn(model_dir):
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    if os.path.exists(os.path.join(model_dir, "adapter_config.json")):
        from peft import PeftConfig, PeftModel  # LoRA adapter saved by training.py

        base_id = PeftConfig.from_pretrained(model_dir).base_model_name_or_path
        base = AutoModelForCausalLM.from_pretrained(base_id, torch_dtype=torch.bfloat16, device_map="auto")
        model = PeftModel.from_pretrained(base, model_dir)
    else:
        model = AutoModelForCausalLM.from_pretrained(model_dir, torch_dtype=torch.bfloat16, device_map="auto")
    model.eval()
    return model, tokenizer


def input_fn(request_body, content_type="application/json"):
    if content_type != "application/json":
        raise ValueError(f"unsupported content type: {content_type}")
    return json.loads(request_body)


def predict_fn(data, model_and_tokenizer):
    model, tokenizer = model_and_tokenizer
    params = {"max_new_tokens": 128, "do_sample": False, **data.get("parameters", {})}
    prompt = PROMPT.format(dialogue=data["inputs"].strip())
    tokens = tokenizer(prompt, return_tensors="pt").to(model.device)
    with torch.no_grad():
        output = model.generate(**tokens, pad_token_id=tokenizer.eos_token_id, **params)
    new_tokens = output[0][tokens["input_ids"].shape[1]:]
    return tokenizer.decode(new_tokens, skip_special_tokens=True).strip()


def output_fn(prediction, accept="application/json"):
    if accept not in ("application/json", "*/*"):
        raise ValueError(f"unsupported accept type: {accept}")
    return json.dumps({"summary": prediction})
