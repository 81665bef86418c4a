namespace Chatbot.Knowledge.Indexing.Vectors;

internal sealed partial class HnswGraph
{
    /// <summary>Writes entry point, top level and every node's links per level as varints.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_options.M);
        writer.Write7BitEncodedInt(_links.Count);
        writer.Write(_entryPoint);
        writer.Write(_topLevel);
        foreach (var levels in _links)
        {
            writer.Write7BitEncodedInt(levels.Length);
            foreach (var list in levels)
            {
                writer.Write7BitEncodedInt(list[0]);
                for (var i = 1; i <= list[0]; i++)
                {
                    writer.Write7BitEncodedInt(list[i]);
                }
            }
        }
    }

    /// <summary>
    /// Reads a graph over <paramref name="vectors"/>. The level generator is reseeded from the seed and node count,
    /// so later inserts stay deterministic. The stored M wins over <paramref name="options"/>: link capacities
    /// depend on it.
    /// </summary>
    public static HnswGraph ReadFrom(BinaryReader reader, VectorStore vectors, HnswOptions options)
    {
        var graph = new HnswGraph(vectors, options with { M = reader.Read7BitEncodedInt() });
        var count = reader.Read7BitEncodedInt();
        graph._entryPoint = reader.ReadInt32();
        graph._topLevel = reader.ReadInt32();
        for (var node = 0; node < count; node++)
        {
            var levels = new int[reader.Read7BitEncodedInt()][];
            for (var l = 0; l < levels.Length; l++)
            {
                var list = new int[graph.Capacity(l) + 1];
                list[0] = reader.Read7BitEncodedInt();
                for (var i = 1; i <= list[0]; i++)
                {
                    list[i] = reader.Read7BitEncodedInt();
                }

                levels[l] = list;
            }

            graph._links.Add(levels);
        }

        graph._random = new Random(unchecked((options.Seed * 486187739) + count));
        return graph;
    }
}
