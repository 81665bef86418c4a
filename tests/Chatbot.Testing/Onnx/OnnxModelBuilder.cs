using System.Runtime.InteropServices;

namespace Chatbot.Testing.Onnx;

/// <summary>
/// Writes an ONNX <c>ModelProto</c> (IR version 8, default opset 17) from graph inputs, outputs, float initializers
/// and nodes, field numbers as in <c>onnx.proto</c>. Enough for small test models that ONNX Runtime loads and runs.
/// Not thread-safe.
/// </summary>
public sealed class OnnxModelBuilder
{
    /// <summary>ONNX <c>TensorProto.DataType.FLOAT</c>.</summary>
    public const int Float = 1;

    /// <summary>ONNX <c>TensorProto.DataType.INT64</c>.</summary>
    public const int Int64 = 7;

    private const int AttributeInt = 2;
    private const int AttributeInts = 7;

    private readonly List<Action<ProtoWriter>> _nodes = [];
    private readonly List<Action<ProtoWriter>> _initializers = [];
    private readonly List<Action<ProtoWriter>> _inputs = [];
    private readonly List<Action<ProtoWriter>> _outputs = [];

    /// <summary>A graph input; each dimension is a size (<see cref="long"/>) or a symbolic name (<see cref="string"/>).</summary>
    public OnnxModelBuilder Input(string name, int elementType, params object[] dimensions)
    {
        _inputs.Add(w => ValueInfo(w, name, elementType, dimensions));
        return this;
    }

    /// <summary>A graph output, dimensions as for <see cref="Input"/>.</summary>
    public OnnxModelBuilder Output(string name, int elementType, params object[] dimensions)
    {
        _outputs.Add(w => ValueInfo(w, name, elementType, dimensions));
        return this;
    }

    /// <summary>A constant float tensor, row-major.</summary>
    public OnnxModelBuilder Initializer(string name, float[] values, params long[] dimensions)
    {
        _initializers.Add(w =>
        {
            foreach (var dimension in dimensions)
            {
                w.Int(1, dimension);
            }

            w.Int(2, Float).String(8, name).Bytes(9, MemoryMarshal.AsBytes(values.AsSpan()));
        });
        return this;
    }

    /// <summary>A node of the default domain; <paramref name="attributes"/> are int (<see cref="long"/>) or ints (<see cref="long"/>[]).</summary>
    public OnnxModelBuilder Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var name = $"{opType}_{_nodes.Count}";
        _nodes.Add(w =>
        {
            foreach (var input in inputs)
            {
                w.String(1, input);
            }

            foreach (var output in outputs)
            {
                w.String(2, output);
            }

            w.String(3, name).String(4, opType);
            foreach (var (attribute, value) in attributes)
            {
                w.Message(5, a => Attribute(a, attribute, value));
            }
        });
        return this;
    }

    /// <summary>The serialised model.</summary>
    public byte[] Build()
    {
        var model = new ProtoWriter()
            .Int(1, 8) // ir_version
            .String(2, "Chatbot.Testing") // producer_name
            .Message(7, graph =>
            {
                _nodes.ForEach(node => graph.Message(1, node));
                graph.String(2, "test-graph");
                _initializers.ForEach(tensor => graph.Message(5, tensor));
                _inputs.ForEach(input => graph.Message(11, input));
                _outputs.ForEach(output => graph.Message(12, output));
            })
            .Message(8, opset => opset.String(1, string.Empty).Int(2, 17));
        return model.ToArray();
    }

    private static void ValueInfo(ProtoWriter w, string name, int elementType, object[] dimensions) =>
        w.String(1, name).Message(2, type => type.Message(1, tensor => tensor
            .Int(1, elementType)
            .Message(2, shape =>
            {
                foreach (var dimension in dimensions)
                {
                    shape.Message(1, d => _ = dimension is string symbol ? d.String(2, symbol) : d.Int(1, Convert.ToInt64(dimension)));
                }
            })));

    private static void Attribute(ProtoWriter w, string name, object value)
    {
        w.String(1, name);
        switch (value)
        {
            case long[] ints:
                foreach (var i in ints)
                {
                    w.Int(8, i);
                }

                w.Int(20, AttributeInts);
                break;
            default:
                w.Int(3, Convert.ToInt64(value)).Int(20, AttributeInt);
                break;
        }
    }
}
