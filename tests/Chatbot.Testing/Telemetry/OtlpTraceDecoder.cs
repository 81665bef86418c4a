using System.Buffers.Binary;

namespace Chatbot.Testing.Telemetry;

/// <summary>
/// Reads the spans of an OTLP <c>ExportTraceServiceRequest</c> (protobuf) by field number, keeping only what tests
/// assert on: <c>ResourceSpans</c>(1) → <c>Resource</c>(1) / <c>ScopeSpans</c>(2) → <c>InstrumentationScope</c>(1) /
/// <c>Span</c>(2). Unknown fields are skipped, as protobuf requires.
/// </summary>
internal static class OtlpTraceDecoder
{
    public static List<OtlpSpan> Decode(ReadOnlyMemory<byte> request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(request, 1))
        {
            var serviceName = Fields(resourceSpans, 1).SelectMany(r => Attributes(r, 1)).FirstOrDefault(a => a.Key == "service.name").Value ?? "";
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                var scope = Fields(scopeSpans, 1).Select(s => Text(s, 1)).FirstOrDefault() ?? "";
                spans.AddRange(Fields(scopeSpans, 2).Select(span => new OtlpSpan(
                    serviceName, scope, Hex(span, 1), Hex(span, 2), Hex(span, 4), Text(span, 5) ?? "",
                    (OtlpSpanKind)Varints(span, 6).FirstOrDefault(),
                    Attributes(span, 9).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal))));
            }
        }

        return spans;
    }

    // KeyValue: key(1) string, value(2) AnyValue: string_value(1), bool_value(2), int_value(3).
    private static IEnumerable<KeyValuePair<string, string>> Attributes(ReadOnlyMemory<byte> message, int field) =>
        Fields(message, field).Select(kv =>
        {
            var value = Fields(kv, 2).FirstOrDefault();
            var text = Text(value, 1)
                ?? Varints(value, 2).Select(b => b != 0 ? "true" : "false").FirstOrDefault()
                ?? Varints(value, 3).Select(i => ((long)i).ToString(System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault()
                ?? "";
            return KeyValuePair.Create(Text(kv, 1) ?? "", text);
        });

    private static string? Text(ReadOnlyMemory<byte> message, int field) =>
        Fields(message, field).Select(f => System.Text.Encoding.UTF8.GetString(f.Span)).FirstOrDefault();

    private static string Hex(ReadOnlyMemory<byte> message, int field) =>
        Fields(message, field).Select(f => Convert.ToHexStringLower(f.Span)).FirstOrDefault() ?? "";

    private static IEnumerable<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int field) =>
        Read(message).Where(f => f.Number == field && f.WireType == 2).Select(f => f.Bytes);

    private static IEnumerable<ulong> Varints(ReadOnlyMemory<byte> message, int field) =>
        Read(message).Where(f => f.Number == field && f.WireType == 0).Select(f => f.Varint);

    private static IEnumerable<(int Number, int WireType, ulong Varint, ReadOnlyMemory<byte> Bytes)> Read(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var (number, wireType) = ((int)(tag >> 3), (int)(tag & 7));
            switch (wireType)
            {
                case 0:
                    yield return (number, wireType, ReadVarint(message.Span, ref position), default);
                    break;
                case 1:
                    yield return (number, wireType, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[position..]), default);
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return (number, wireType, 0, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return (number, wireType, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[position..]), default);
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wireType} (field {number}).");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
