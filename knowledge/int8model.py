"""The int8 ONNX model the embedder runs, built once at install time from the fp32 weights.

all-MiniLM-L6-v2's cost is its 36 weight matrix products. In fp32 they run close to what two
cores can do, so the way to go faster is int8 products (onnxruntime's dynamic quantization:
int8 weights per output channel, activations quantized per product at run time, AVX-512
VNNI/AVX2 kernels), about twice as fast per text.

Plain dynamic quantization is not accurate enough, though: a few hidden channels of this
model carry values 10-15 times larger than the rest (up to about 30 where the others stay
below 2), and one int8 scale per activation tensor then leaves a few levels for everything
else: the worst real post fell to cosine 0.985 against the fp32 model. So, as in LLM.int8()
(Dettmers et al., 2022), each feed-forward product takes those channels out and multiplies
them in fp32 beside the int8 product (``x W = x[:, rest] W[rest] + x[:, outliers]
W[outliers]``): worst cosine 0.995 on the real posts, still about twice as fast as fp32.

The outlier channels are found on calibration texts we wrote (the demo brand pack), never on
the customer conversations the tests and benchmarks measure with. The build is deterministic
for pinned package versions; it needs the ``onnx`` package, at install time only.

    encoder_graph(weights) -> fp32 BERT encoder as ONNX (opset 17)
    feed_forward_outliers(model, texts) -> {product: outlier input channels}
    split_outliers(model, outliers) -> fp32 side products beside the ones to quantize
    build_int8_model(directory, texts) -> writes ``model-int8.onnx``
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import onnx

INT8_MODEL = "model-int8.onnx"
#: Bump when the graph, the calibration or the quantization changes: the file is rebuilt.
BUILD_VERSION = "bert-int8-outliers-2"
LAYERS = 6
HEADS = 12
HIDDEN = 384
INTERMEDIATE = 1536
EPS = 1e-12
#: An input channel is an outlier when its largest |value| is this many times the median's.
OUTLIER_RATIO = 4.0
#: At most this many outlier channels per product (the model has one to three).
MAX_OUTLIERS = 4
_OPSET = 17


def encoder_graph(weights: dict[str, np.ndarray]) -> onnx.ModelProto:
    """The BERT encoder (``last_hidden_state``) as an ONNX graph, from the fp32 weights.

    Inputs ``input_ids``, ``attention_mask``, ``token_type_ids`` (int64, batch x tokens),
    as the transformers export has them; the attention scale is folded into the query.
    Attention and GELU are onnxruntime's fused operators (``com.microsoft``
    MultiHeadAttention and Gelu, exact erf form): the same arithmetic in 2 nodes instead of
    16 per layer, whose dispatch cost more than their work on a short post (about 0.5 ms of
    6 per text).
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[onnx.NodeProto] = []
    initializers: list[onnx.TensorProto] = []

    def const(name: str, value: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(value, name))
        return name

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attrs))
        return output

    def w(key: str) -> np.ndarray:
        return np.ascontiguousarray(weights[key], dtype=np.float32)

    def linear(x: str, key: str, out: str, scale: float = 1.0) -> str:
        weight = const(out + ".W", np.ascontiguousarray(w(key + ".weight").T * scale))
        bias = const(out + ".b", w(key + ".bias") * scale)
        return node("Add", [node("MatMul", [x, weight], out + ".mm"), bias], out)

    def layer_norm(x: str, key: str, out: str) -> str:
        gamma = const(out + ".gamma", w(key + ".weight"))
        beta = const(out + ".beta", w(key + ".bias"))
        return node("LayerNormalization", [x, gamma, beta], out, axis=-1, epsilon=EPS)

    head = HIDDEN // HEADS
    zero = const("zero", np.array(0, dtype=np.int64))
    one = const("one", np.array(1, dtype=np.int64))

    # Embeddings: word + position + token type, then LayerNorm.
    seq = node("Gather", [node("Shape", ["input_ids"], "ids.shape"), one], "seq.len", axis=0)
    positions = node("Range", [zero, seq, one], "positions")
    word = node(
        "Gather", [const("emb.word", w("embeddings.word_embeddings.weight")), "input_ids"], "emb.w"
    )
    pos = node(
        "Gather", [const("emb.pos", w("embeddings.position_embeddings.weight")), positions], "emb.p"
    )
    kind = node(
        "Gather",
        [const("emb.type", w("embeddings.token_type_embeddings.weight")), "token_type_ids"],
        "emb.t",
    )
    summed = node("Add", [node("Add", [word, pos], "emb.wp"), kind], "emb.sum")
    hidden = layer_norm(summed, "embeddings.LayerNorm", "emb.ln")

    # Padding: MultiHeadAttention masks the keys whose mask is 0 (with -10000, as BERT does).
    key_mask = node("Cast", ["attention_mask"], "mask.i32", to=TensorProto.INT32)

    for i in range(LAYERS):
        p = f"encoder.layer.{i}"
        o = f"l{i}"

        q = linear(hidden, f"{p}.attention.self.query", f"{o}.q", 1 / math.sqrt(head))
        k = linear(hidden, f"{p}.attention.self.key", f"{o}.k")
        v = linear(hidden, f"{p}.attention.self.value", f"{o}.v")
        nodes.append(
            helper.make_node(
                "MultiHeadAttention",
                [q, k, v, "", key_mask],
                [f"{o}.ctx"],
                name=f"{o}.mha",
                domain="com.microsoft",
                num_heads=HEADS,
                scale=1.0,
            )
        )
        context = f"{o}.ctx"
        attended = linear(context, f"{p}.attention.output.dense", f"{o}.attn")
        hidden = layer_norm(
            node("Add", [attended, hidden], f"{o}.res1"),
            f"{p}.attention.output.LayerNorm",
            f"{o}.ln1",
        )
        up = linear(hidden, f"{p}.intermediate.dense", f"{o}.up")
        gelu = node("Gelu", [up], f"{o}.gelu", domain="com.microsoft")
        down = linear(gelu, f"{p}.output.dense", f"{o}.down")
        hidden = layer_norm(
            node("Add", [down, hidden], f"{o}.res2"), f"{p}.output.LayerNorm", f"{o}.ln2"
        )

    nodes.append(helper.make_node("Identity", [hidden], ["last_hidden_state"], name="output"))
    ints = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"])
        for name in ("input_ids", "attention_mask", "token_type_ids")
    ]
    out = helper.make_tensor_value_info(
        "last_hidden_state", TensorProto.FLOAT, ["batch", "tokens", HIDDEN]
    )
    graph = helper.make_graph(nodes, "all-MiniLM-L6-v2", ints, [out], initializers)
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", _OPSET), helper.make_opsetid("com.microsoft", 1)],
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def _feed_forward_products(model: onnx.ModelProto) -> list[onnx.NodeProto]:
    """The MatMuls of the feed-forward blocks (384 -> 1536 and 1536 -> 384)."""
    shapes = {i.name: tuple(i.dims) for i in model.graph.initializer}
    wanted = {(HIDDEN, INTERMEDIATE), (INTERMEDIATE, HIDDEN)}
    return [
        n
        for n in model.graph.node
        if n.op_type == "MatMul" and len(n.input) == 2 and shapes.get(n.input[1]) in wanted
    ]


def feed_forward_outliers(
    model: onnx.ModelProto, token_ids: Sequence[Sequence[int]]
) -> dict[str, list[int]]:
    """Per feed-forward product, the input channels whose largest |value| on the calibration
    texts (token ids, one text at a time: no padding) exceeds OUTLIER_RATIO times the median
    channel's; at most MAX_OUTLIERS each, largest first."""
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    products = _feed_forward_products(model)
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    inputs = sorted({n.input[0] for n in products})
    for name in inputs:
        probe.graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, None))
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    options.log_severity_level = 3
    session = ort.InferenceSession(
        probe.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
    peak: dict[str, np.ndarray] = {}
    for ids in token_ids:
        batch = np.asarray([ids], dtype=np.int64)
        feeds = {
            "input_ids": batch,
            "attention_mask": np.ones_like(batch),
            "token_type_ids": np.zeros_like(batch),
        }
        for name, value in zip(inputs, session.run(inputs, feeds), strict=True):
            channel_max = np.abs(value.reshape(-1, value.shape[-1])).max(axis=0)
            peak[name] = np.maximum(peak[name], channel_max) if name in peak else channel_max
    outliers: dict[str, list[int]] = {}
    for n in products:
        channel_max = peak[n.input[0]]
        limit = OUTLIER_RATIO * float(np.median(channel_max))
        ranked = np.argsort(channel_max)[::-1][:MAX_OUTLIERS]
        outliers[n.name] = [int(c) for c in ranked if channel_max[c] > limit]
    return outliers


def split_outliers(model: onnx.ModelProto, outliers: dict[str, list[int]]) -> list[str]:
    """Rewrite each named product ``y = x W`` as ``(x * keep) W' + x[:, O] W[O]`` in place,
    where ``W'`` has the outlier rows zeroed; returns the names of the fp32 side products
    (to keep out of quantization)."""
    from onnx import helper, numpy_helper

    initializers = {i.name: i for i in model.graph.initializer}
    rewritten: list[Any] = []
    side_products: list[str] = []
    for n in model.graph.node:
        channels = outliers.get(n.name)
        if not channels:
            rewritten.append(n)
            continue
        weight = numpy_helper.to_array(initializers[n.input[1]]).copy()
        outlier_rows = weight[channels, :].copy()
        weight[channels, :] = 0.0
        initializers[n.input[1]].CopyFrom(numpy_helper.from_array(weight, n.input[1]))
        keep = np.ones(weight.shape[0], dtype=np.float32)
        keep[channels] = 0.0
        p = n.name
        model.graph.initializer.extend(
            [
                numpy_helper.from_array(keep, p + ".keep"),
                numpy_helper.from_array(np.asarray(channels, dtype=np.int64), p + ".outliers"),
                numpy_helper.from_array(outlier_rows, p + ".W.outliers"),
            ]
        )
        x, y = n.input[0], n.output[0]
        rewritten.append(
            helper.make_node("Mul", [x, p + ".keep"], [p + ".x.int8"], name=p + ".keep")
        )
        n.input[0], n.output[0] = p + ".x.int8", p + ".int8"
        rewritten.append(n)
        rewritten.append(
            helper.make_node(
                "Gather", [x, p + ".outliers"], [p + ".x.fp32"], name=p + ".gather", axis=-1
            )
        )
        rewritten.append(
            helper.make_node(
                "MatMul", [p + ".x.fp32", p + ".W.outliers"], [p + ".fp32"], name=p + ".fp32"
            )
        )
        rewritten.append(helper.make_node("Add", [p + ".int8", p + ".fp32"], [y], name=p + ".sum"))
        side_products.append(p + ".fp32")
    del model.graph.node[:]
    model.graph.node.extend(rewritten)
    return side_products


def calibration_texts(pack_dir: Path) -> list[str]:
    """Every post and reply of a brand pack we wrote (the demo: 216 texts, en and it)."""
    texts: list[str] = []
    for line in (pack_dir / "approved_replies.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            texts += [item["post"]["text"], item["reply"]]
    return texts


def build_int8_model(directory: Path, texts: Sequence[str]) -> Path:
    """Build ``directory/model-int8.onnx`` from ``model.safetensors`` (atomically)."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    model = encoder_graph(load_file(str(directory / "model.safetensors")))
    tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=256)
    token_ids = [tokenizer.encode(text).ids for text in texts]
    side_products = split_outliers(model, feed_forward_outliers(model, token_ids))
    target = directory / INT8_MODEL
    with tempfile.TemporaryDirectory(prefix="crisisdraft-int8-", dir=directory) as tmp:
        int8 = Path(tmp) / INT8_MODEL
        quantize(model, int8, keep_fp32=side_products)
        os.replace(int8, target)
    return target


def quantize(model: onnx.ModelProto, out: Path, *, keep_fp32: Sequence[str] = ()) -> None:
    """Write ``model`` with its MatMuls quantized to int8 (weights per output channel,
    activations per call), except the nodes named in ``keep_fp32``."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32 = out.with_name(out.name + ".fp32")
    onnx.save(model, str(fp32))
    # It logs a hint about shape pre-processing to the root logger; the graph is ours and
    # fully shaped, so the hint does not apply.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(
            fp32,
            out,
            per_channel=True,
            weight_type=QuantType.QInt8,
            op_types_to_quantize=["MatMul"],
            nodes_to_exclude=list(keep_fp32),
            # Shape inference does not know the com.microsoft operators' outputs: float.
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    finally:
        root.setLevel(level)
        fp32.unlink(missing_ok=True)
