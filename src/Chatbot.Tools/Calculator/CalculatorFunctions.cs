using System.Collections.Frozen;

namespace Chatbot.Tools.Calculator;

/// <summary>The functions and constants the calculator knows (case-insensitive); angles are in radians.</summary>
internal static class CalculatorFunctions
{
    public sealed record Function(int MinArguments, int MaxArguments, Func<double[], double> Apply, string? Domain = null);

    public static FrozenDictionary<string, Function> Functions { get; } = new Dictionary<string, Function>(StringComparer.OrdinalIgnoreCase)
    {
        ["sqrt"] = new(1, 1, a => Math.Sqrt(a[0]), "sqrt needs a number that is not negative"),
        ["abs"] = new(1, 1, a => Math.Abs(a[0])),
        ["round"] = new(1, 2, Round),
        ["floor"] = new(1, 1, a => Math.Floor(a[0])),
        ["ceil"] = new(1, 1, a => Math.Ceiling(a[0])),
        ["min"] = new(1, int.MaxValue, a => a.Min()),
        ["max"] = new(1, int.MaxValue, a => a.Max()),
        ["ln"] = new(1, 1, a => Math.Log(a[0]), "ln needs a positive number"),
        ["log"] = new(1, 2, a => a.Length == 1 ? Math.Log10(a[0]) : Math.Log(a[0], a[1]), "log needs a positive number (and a positive base other than 1)"),
        ["log10"] = new(1, 1, a => Math.Log10(a[0]), "log10 needs a positive number"),
        ["log2"] = new(1, 1, a => Math.Log2(a[0]), "log2 needs a positive number"),
        ["exp"] = new(1, 1, a => Math.Exp(a[0])),
        ["sin"] = new(1, 1, a => Math.Sin(a[0])),
        ["cos"] = new(1, 1, a => Math.Cos(a[0])),
        ["tan"] = new(1, 1, a => Math.Tan(a[0])),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static FrozenDictionary<string, double> Constants { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static double Round(double[] a)
    {
        if (a.Length == 1)
        {
            return Math.Round(a[0], MidpointRounding.AwayFromZero);
        }

        return double.IsInteger(a[1]) && a[1] is >= 0 and <= 15
            ? Math.Round(a[0], (int)a[1], MidpointRounding.AwayFromZero)
            : double.NaN;
    }
}
